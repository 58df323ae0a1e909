/**
 * Extension points shared by SkyMarshal's modules and adapters a user writes: {@link
 * io.skymarshal.core.spi.InlineScheduler}, the Failsafe scheduler for executions that only start
 * asynchronous work; {@link io.skymarshal.core.spi.ContextPropagator}, which carries a context of
 * the thread that starts a run onto the engine's threads; {@link
 * io.skymarshal.core.spi.BuilderSettings}, the set-once check of builders.
 */
package io.skymarshal.core.spi;
