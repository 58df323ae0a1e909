/**
 * The safety casebook: a specification of safe behaviour as data. Each scenario file names a
 * disruption, patches the EY123 sample airline into the situation it needs, and lists the
 * outcomes that are safe as typed {@link io.skymarshal.testkit.casebook.Check}s;
 * {@link io.skymarshal.testkit.casebook.Casebook} loads them (built in and from a user directory),
 * {@link io.skymarshal.testkit.casebook.CasebookRunner} decides each through the public API and
 * checks the decision, {@link io.skymarshal.testkit.casebook.CasebookMain} prints the results.
 * The format is in {@code skymarshal-testkit/CASEBOOK.md}.
 */
package io.skymarshal.testkit.casebook;
