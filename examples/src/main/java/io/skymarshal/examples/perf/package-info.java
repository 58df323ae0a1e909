/**
 * The performance suite's parts: the two configurations and their levers, the decorators that
 * make the baseline (single-item reads, no cache points), what one run measured, the statistics,
 * and the console, JSON and HTML reports. Run it with {@code io.skymarshal.examples.PerformanceSuite}.
 */
package io.skymarshal.examples.perf;
