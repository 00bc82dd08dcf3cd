/**
 * The engine's data: connector-space objects ({@link dev.joinery.engine.model.CsObject}), metaverse objects
 * ({@link dev.joinery.engine.model.MvObject}), pending exports, run history and per-object errors. Every type is an
 * immutable record (or enum) and so thread-safe; nothing accepts or returns Java {@code null} unless its Javadoc
 * says so. Attribute maps compare names case-insensitively, as directories do, and never hold an attribute without
 * values.
 */
package dev.joinery.engine.model;
