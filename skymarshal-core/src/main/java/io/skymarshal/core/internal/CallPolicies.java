package io.skymarshal.core.internal;

import dev.failsafe.RetryPolicy;
import dev.failsafe.Timeout;
import io.skymarshal.core.AgentPolicy;
import java.util.Random;

/**
 * The Failsafe policies of one agent in one phase, built once per orchestrator: Failsafe policies
 * are immutable and thread-safe, so every run shares them.
 *
 * @param policy  the settings they were built from
 * @param retry   retries transient failures with exponential backoff and jitter
 * @param timeout bounds the agent's whole work in the phase
 */
record CallPolicies(AgentPolicy policy, RetryPolicy<Object> retry, Timeout<Object> timeout) {

  static CallPolicies of(AgentPolicy policy, Random random) {
    Backoff backoff = new Backoff(policy, random);
    RetryPolicy<Object> retry = RetryPolicy.builder()
        .handleIf(CallExecution::isRetryable)
        .withMaxAttempts(policy.maxAttempts())
        .withDelayFn(ctx -> backoff.delayBefore(Math.max(1, ctx.getAttemptCount())))
        .build();
    return new CallPolicies(policy, retry, Timeout.of(policy.timeout()));
  }
}
