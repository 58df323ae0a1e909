/**
 * What makes the example programs behave like tools: a small hand-written parser
 * ({@link io.skymarshal.examples.cli.CommandLine}), the exit statuses
 * ({@link io.skymarshal.examples.cli.ExitCode}) and the runner that turns help, bad arguments
 * and failures into them ({@link io.skymarshal.examples.cli.Tool}).
 */
package io.skymarshal.examples.cli;
