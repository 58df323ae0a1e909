package io.skymarshal.airline;

import java.time.LocalDate;

/**
 * Identifies one aircraft's day: the key of the rotations table.
 *
 * @param registration the aircraft's registration
 * @param date         the UTC date
 */
public record RotationKey(String registration, LocalDate date) {

  public RotationKey {
    Checks.text(registration, "registration", "rotation key");
    Checks.required(date, "date", "rotation key of " + registration);
  }

  /** {@code A6-APA/2026-01-30}. */
  @Override
  public String toString() {
    return registration + "/" + date;
  }
}
