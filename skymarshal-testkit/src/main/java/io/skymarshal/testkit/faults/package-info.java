/**
 * Fault injection on the production path: faults that a real SDK client meets on the wire, for
 * suites that run the real adapters against the testkit's fakes (the fault matrix in
 * {@code examples} is one).
 *
 * <ul>
 *   <li>{@link io.skymarshal.testkit.faults.BedrockFaultRule}: a reply rule for the
 *       {@link io.skymarshal.testkit.bedrock.FakeBedrockServer} that injects transient errors,
 *       a throttling storm, hung and malformed replies, deterministically per prompt and attempt;
 *   <li>{@link io.skymarshal.testkit.faults.DynamoWireFaults}: an SDK interceptor that turns
 *       DynamoDB responses into throttling errors (through the SDK's own error handling) and
 *       leaves keys unprocessed, deterministically per request and key.
 * </ul>
 */
package io.skymarshal.testkit.faults;
