package dev.joinery.connector.spi;

/**
 * Where an import sends what it reads. Called from the importing thread only. The engine commits what it
 * received before a checkpoint and only then saves the checkpoint's watermark, so a crash repeats at most
 * the changes since the last checkpoint.
 */
public interface ImportSink {

    /** One object added or changed, or deleted. */
    void accept(ImportChange change);

    /** Everything sent so far is covered by this watermark. */
    void checkpoint(Watermark watermark);
}
