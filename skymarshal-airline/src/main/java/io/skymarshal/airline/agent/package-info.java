/**
 * The airline agent pack: {@link io.skymarshal.airline.agent.AirlineAgents#all()} gives the seven
 * agents of DOMAIN.md (crew_compliance, maintenance, regulatory; network, guest_experience, cargo,
 * finance) and {@link io.skymarshal.airline.agent.AirlineAgents#arbitrator()} their arbitrator.
 * Agents read their tables in batches, write compact prompts, and read the agreed JSON replies;
 * the arbitrator's options are built and checked against the SAFETY constraints in code.
 */
package io.skymarshal.airline.agent;
