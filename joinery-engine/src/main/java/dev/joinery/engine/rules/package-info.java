/**
 * Sync rules: the immutable model ({@link dev.joinery.engine.rules.SyncRule} and its parts), its YAML form
 * ({@link dev.joinery.engine.rules.RuleYamlReader}, {@link dev.joinery.engine.rules.RuleYamlWriter}), the schemas
 * rules are checked against, and {@link dev.joinery.engine.rules.RuleSetValidator}. Problems are values
 * ({@link dev.joinery.engine.rules.Problem}) with stable codes, collected, never thrown one at a time.
 *
 * <p>Semantics follow Azure AD Connect sync's declarative provisioning (see {@code shared/reference}).
 */
package dev.joinery.engine.rules;
