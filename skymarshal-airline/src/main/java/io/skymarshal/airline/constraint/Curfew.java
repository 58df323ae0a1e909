package io.skymarshal.airline.constraint;

import io.skymarshal.airline.LocalTimeWindow;
import io.skymarshal.core.ActionPlan;
import io.skymarshal.core.BindingConstraint;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * No arrival at (or departure from) an airport during its local curfew, widened on both sides by
 * a buffer. The plan's instant is converted to the airport's local time with its IANA zone, so
 * daylight-saving time is done right: an arrival at London at 16:55 UTC in February is 16:55
 * local and keeps a 23:00-06:00 curfew; 22:50 UTC in July is 23:50 local and breaks it.
 *
 * <p>{@link #movement()} says which of the plan's times is checked: the arrival when the airport
 * is the flight's destination, the departure when it is the origin. The buffer widens the window
 * in local wall-clock time: with 15 minutes, 23:00-06:00 forbids 22:45 up to but excluding 06:15.
 * A cancelled flight keeps the curfew. Immutable.
 *
 * @param airport  IATA code
 * @param zone     the airport's time zone
 * @param window   the local curfew window, possibly spanning midnight
 * @param buffer   widening on each side (default {@link #DEFAULT_BUFFER}), in [0, 6 h]
 * @param movement which movement at the airport is restricted
 */
public record Curfew(String airport, ZoneId zone, LocalTimeWindow window, Duration buffer, Movement movement)
    implements BindingConstraint {

  /** The kind in replies and prompts. */
  public static final String KIND = "curfew";

  /** The buffer by default: 15 minutes. */
  public static final Duration DEFAULT_BUFFER = Duration.ofMinutes(15);

  private static final Duration MAX_BUFFER = Duration.ofHours(6);
  private static final int SECONDS_PER_DAY = 24 * 3600;

  /** Which movement at the airport the curfew restricts for this flight. */
  public enum Movement {
    /** The flight arrives at the airport: its arrival is checked. */
    ARRIVAL,
    /** The flight departs from the airport: its departure is checked. */
    DEPARTURE;

    /** {@code arrival} or {@code departure}, as in replies. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Curfew {
    Objects.requireNonNull(airport, "airport");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(buffer, "buffer");
    Objects.requireNonNull(movement, "movement");
    if (buffer.isNegative() || buffer.compareTo(MAX_BUFFER) > 0) {
      throw new IllegalArgumentException("curfew buffer must be in [0, 6 h] but was " + buffer + " (" + airport + ")");
    }
  }

  /** A curfew on arrivals at {@code airport} with the default 15-minute buffer. */
  public static Curfew onArrival(String airport, ZoneId zone, LocalTimeWindow window) {
    return new Curfew(airport, zone, window, DEFAULT_BUFFER, Movement.ARRIVAL);
  }

  /** A curfew on departures from {@code airport} with the default 15-minute buffer. */
  public static Curfew onDeparture(String airport, ZoneId zone, LocalTimeWindow window) {
    return new Curfew(airport, zone, window, DEFAULT_BUFFER, Movement.DEPARTURE);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String subject() {
    return airport;
  }

  @Override
  public String describe() {
    return airport + " curfew " + window + " local (" + zone.getId() + "), buffer " + Times.minutes(buffer) + ", "
        + movement.code();
  }

  /** Whether {@code t} at this airport falls in the curfew widened by the buffer. */
  public boolean forbids(Instant t) {
    return inWidenedWindow(t.atZone(zone).toLocalTime());
  }

  @Override
  public Optional<String> violationBy(ActionPlan plan) {
    if (!plan.operates()) {
      return Optional.empty();
    }
    Instant t = movement == Movement.ARRIVAL ? plan.arrival() : plan.departure();
    LocalTime local = t.atZone(zone).toLocalTime();
    if (!inWidenedWindow(local)) {
      return Optional.empty();
    }
    return Optional.of(movement.code() + " " + Times.utc(t) + " is " + local.withNano(0) + " local at " + airport
        + " (" + zone.getId() + "), inside the curfew " + window + " widened by " + Times.minutes(buffer));
  }

  // Arithmetic on the circular 24 h clock: a window spanning midnight needs no special case and
  // a buffer that closes the gap between the window's ends forbids the whole day.
  private boolean inWidenedWindow(LocalTime local) {
    long b = buffer.toSeconds();
    long start = window.from().toSecondOfDay() - b;
    long length = Math.floorMod(window.to().toSecondOfDay() - window.from().toSecondOfDay(), SECONDS_PER_DAY) + 2 * b;
    if (length >= SECONDS_PER_DAY) {
      return true;
    }
    long offset = Math.floorMod(local.toSecondOfDay() - start, SECONDS_PER_DAY);
    return offset < length;
  }
}
