/**
 * Extension points shared by SkyMarshal's modules and adapters a user writes: {@link
 * io.skymarshal.core.spi.InlineScheduler}, the Failsafe scheduler for executions that only start
 * asynchronous work.
 */
package io.skymarshal.core.spi;
