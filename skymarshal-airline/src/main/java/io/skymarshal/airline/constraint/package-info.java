/**
 * The airline's binding constraints, each evaluated in code against a candidate
 * {@link io.skymarshal.core.ActionPlan} (crew duty limit, aircraft grounded or restricted,
 * curfew in the airport's own time zone, slot), and
 * {@link io.skymarshal.airline.constraint.BindingConstraints}, their JSON form in agent replies.
 */
package io.skymarshal.airline.constraint;
