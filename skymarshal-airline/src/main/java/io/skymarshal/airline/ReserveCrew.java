package io.skymarshal.airline;

import java.util.List;

/**
 * The reserve crew at one base. Immutable.
 *
 * @param base      IATA code of the base
 * @param available who is on reserve and when
 */
public record ReserveCrew(String base, List<ReserveAvailability> available) {

  public ReserveCrew {
    Checks.iata(base, "base", "reserve crew");
    available = List.copyOf(Checks.required(available, "available", "reserve crew at " + base));
  }
}
