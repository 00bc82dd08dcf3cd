/**
 * Helpers for other modules' tests: an {@link dev.joinery.testkit.InMemoryDirectory} and the
 * {@link dev.joinery.testkit.InMemoryConnector} over it, with run-time fault injection
 * ({@link dev.joinery.testkit.FaultPlan}); a {@link dev.joinery.testkit.FakeClock}; and
 * {@link dev.joinery.testkit.ConnectorContractTest}, the suite every connector passes.
 *
 * <p>This is main code on purpose: JUnit and AssertJ are compile-scope dependencies of this module, so
 * depend on it with {@code <scope>test</scope>}. Nothing in this package accepts or returns Java
 * {@code null} unless a method says so.
 */
package dev.joinery.testkit;
