package io.skymarshal.core;

import java.lang.reflect.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets the level of one slf4j-simple logger for the length of a test, so a test can run the same
 * thing at two levels. slf4j-simple reads its levels once, hence the reflection on its field.
 */
final class LogLevels {
  static final String RUN_LOGGER = "io.skymarshal.run";

  private LogLevels() {}

  /** Runs {@code body} with {@code logger} at {@code level} ("INFO", "ERROR", ...), then restores it. */
  static void with(String logger, String level, Runnable body) {
    Logger l = LoggerFactory.getLogger(logger);
    try {
      Field current = l.getClass().getDeclaredField("currentLogLevel");
      current.setAccessible(true);
      Field wanted = l.getClass().getDeclaredField("LOG_LEVEL_" + level);
      wanted.setAccessible(true);
      int before = current.getInt(l);
      current.setInt(l, wanted.getInt(null));
      try {
        body.run();
      } finally {
        current.setInt(l, before);
      }
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("the test logger is not slf4j-simple: " + l.getClass(), e);
    }
  }
}
