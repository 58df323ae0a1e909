/**
 * Checks to run before a deployment: is everything a run needs there, reachable and allowed?
 * {@link io.skymarshal.preflight.PreflightCheck} is one typed result (what was checked, passed,
 * failed or skipped, the {@link io.skymarshal.preflight.PreflightCheck.Problem problem} and what
 * to do about it); {@link io.skymarshal.preflight.PreflightReport} holds the checks of one or
 * more services and prints them as a table. The checks themselves live with the adapters that
 * know the services ({@code BedrockPreflight} in {@code skymarshal-bedrock},
 * {@code DynamoPreflight} in {@code skymarshal-dynamo}). Nothing here knows about AWS.
 */
package io.skymarshal.preflight;
