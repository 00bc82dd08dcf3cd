package dev.joinery.app.run;

import dev.joinery.engine.model.RunRecord;
import dev.joinery.engine.model.RunStep;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells the operator how far a step is: on a terminal one line redrawn four times a second with objects per second
 * and an ETA; elsewhere one plain line per finished step. Thread-safe: the connector reports from the engine's
 * thread, the terminal line is drawn from a timer thread.
 */
public interface Progress {
    Progress NONE = new Progress() {};

    /** A step starts; {@code expected} objects is an estimate (0 when unknown). */
    default void begin(String connector, RunStep step, long expected) {}

    /** {@code n} more objects were handled. */
    default void advance(long n) {}

    /** The step ended with {@code record}. */
    default void end(RunRecord record) {}

    /** Progress on {@code out}; {@code terminal} redraws one line, otherwise prints one line per step. */
    static Progress console(PrintWriter out, boolean terminal) {
        return new Console(out, terminal);
    }

    /** The console implementation. */
    final class Console implements Progress {
        private final PrintWriter out;
        private final boolean terminal;
        private final AtomicLong done = new AtomicLong();
        private volatile String label = "";
        private volatile long expected;
        private volatile long startNanos;
        private ScheduledExecutorService timer;
        private ScheduledFuture<?> drawing;

        Console(PrintWriter out, boolean terminal) {
            this.out = out;
            this.terminal = terminal;
        }

        @Override
        public synchronized void begin(String connector, RunStep step, long expectedObjects) {
            label = step.profile() + " " + connector;
            expected = expectedObjects;
            done.set(0);
            startNanos = System.nanoTime();
            if (terminal) {
                if (timer == null) {
                    timer = Executors.newSingleThreadScheduledExecutor(r -> {
                        Thread t = new Thread(r, "joinery-progress");
                        t.setDaemon(true);
                        return t;
                    });
                }
                drawing = timer.scheduleAtFixedRate(this::draw, 250, 250, TimeUnit.MILLISECONDS);
            }
        }

        @Override
        public void advance(long n) {
            done.addAndGet(n);
        }

        @Override
        public synchronized void end(RunRecord record) {
            if (drawing != null) {
                drawing.cancel(false);
                drawing = null;
            }
            double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
            long n = Math.max(done.get(), record.counts().processed());
            String line = String.format(
                    Locale.ROOT,
                    "%s: %s, %d objects in %.1f s (%.0f/s)",
                    label,
                    record.status().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    n,
                    seconds,
                    n / seconds);
            out.print(terminal ? "\r\033[K" + line + System.lineSeparator() : line + System.lineSeparator());
            out.flush();
            if (timer != null) {
                timer.shutdownNow();
                timer = null;
            }
        }

        private void draw() {
            long n = done.get();
            double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
            double rate = n / seconds;
            String eta = expected > n && rate > 0
                    ? String.format(Locale.ROOT, "ETA %ds", (long) Math.ceil((expected - n) / rate))
                    : "ETA -";
            out.print(String.format(
                    Locale.ROOT,
                    "\r\033[K%s: %d/%s objects, %.0f/s, %s",
                    label,
                    n,
                    expected > 0 ? expected : "?",
                    rate,
                    eta));
            out.flush();
        }
    }
}
