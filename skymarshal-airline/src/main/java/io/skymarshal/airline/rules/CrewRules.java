package io.skymarshal.airline.rules;

import io.skymarshal.airline.CrewRoster;
import io.skymarshal.airline.RosterEntry;
import io.skymarshal.airline.constraint.CrewDutyLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Flight duty period (FDP) and rest rules. Defaults ({@link #defaults()}): FDP 13 h with one or
 * two pilots, 16 h with three, 18 h with four or more; rest at least 12 h, or at least as long
 * as the preceding duty when that duty exceeded 10 h; at least 18 h after a long-haul duty (a
 * flight of 6 h block time or more); 30 minutes of post-flight duty after on-block. Immutable,
 * thread-safe.
 *
 * @param fdpTwoPilots          FDP limit with one or two pilots
 * @param fdpThreePilots        FDP limit with three pilots
 * @param fdpFourPilots         FDP limit with four or more pilots
 * @param minimumRest           rest after any duty
 * @param extendedRestThreshold a duty longer than this needs rest at least as long as the duty
 * @param longHaulRest          rest after a long-haul duty
 * @param longHaulBlockTime     block time from which a flight is long haul
 * @param postFlightDuty        duty after on-block
 */
public record CrewRules(Duration fdpTwoPilots, Duration fdpThreePilots, Duration fdpFourPilots, Duration minimumRest,
    Duration extendedRestThreshold, Duration longHaulRest, Duration longHaulBlockTime, Duration postFlightDuty) {

  private static final CrewRules DEFAULTS = new CrewRules(Duration.ofHours(13), Duration.ofHours(16),
      Duration.ofHours(18), Duration.ofHours(12), Duration.ofHours(10), Duration.ofHours(18), Duration.ofHours(6),
      Duration.ofMinutes(30));

  public CrewRules {
    positive(fdpTwoPilots, "fdpTwoPilots");
    positive(fdpThreePilots, "fdpThreePilots");
    positive(fdpFourPilots, "fdpFourPilots");
    positive(minimumRest, "minimumRest");
    positive(extendedRestThreshold, "extendedRestThreshold");
    positive(longHaulRest, "longHaulRest");
    positive(longHaulBlockTime, "longHaulBlockTime");
    Objects.requireNonNull(postFlightDuty, "postFlightDuty");
    if (postFlightDuty.isNegative()) {
      throw new IllegalArgumentException("postFlightDuty must be >= 0 but was " + postFlightDuty);
    }
    if (fdpThreePilots.compareTo(fdpTwoPilots) < 0 || fdpFourPilots.compareTo(fdpThreePilots) < 0) {
      throw new IllegalArgumentException("FDP limits must not shrink with more pilots: " + fdpTwoPilots + ", "
          + fdpThreePilots + ", " + fdpFourPilots);
    }
  }

  /** The defaults of DOMAIN.md. */
  public static CrewRules defaults() {
    return DEFAULTS;
  }

  /**
   * The FDP limit with {@code pilots} pilots on the flight deck.
   *
   * @throws IllegalArgumentException if {@code pilots < 1}
   */
  public Duration fdpLimit(int pilots) {
    if (pilots < 1) {
      throw new IllegalArgumentException("a flight needs at least one pilot but had " + pilots);
    }
    return switch (pilots) {
      case 1, 2 -> fdpTwoPilots;
      case 3 -> fdpThreePilots;
      default -> fdpFourPilots;
    };
  }

  /** The latest legal release from a duty that started at {@code dutyStart} with {@code pilots} pilots. */
  public Instant latestLegalRelease(Instant dutyStart, int pilots) {
    return dutyStart.plus(fdpLimit(pilots));
  }

  /** The latest on-block time that keeps the FDP limit: the latest release less post-flight duty. */
  public Instant latestLegalArrival(Instant dutyStart, int pilots) {
    return latestLegalRelease(dutyStart, pilots).minus(postFlightDuty);
  }

  /** Whether arriving at {@code arrival} keeps the FDP limit of a duty started at {@code dutyStart}. */
  public boolean withinFdp(Instant dutyStart, int pilots, Instant arrival) {
    return !arrival.isAfter(latestLegalArrival(dutyStart, pilots));
  }

  /** Whether a flight of {@code blockTime} is long haul. */
  public boolean isLongHaul(Duration blockTime) {
    return blockTime.compareTo(longHaulBlockTime) >= 0;
  }

  /** The minimum rest after a duty of {@code precedingDuty}, long haul or not. */
  public Duration minimumRest(Duration precedingDuty, boolean longHaul) {
    Duration rest = minimumRest;
    if (precedingDuty.compareTo(extendedRestThreshold) > 0 && precedingDuty.compareTo(rest) > 0) {
      rest = precedingDuty;
    }
    if (longHaul && longHaulRest.compareTo(rest) > 0) {
      rest = longHaulRest;
    }
    return rest;
  }

  /** The earliest start of the next duty after a duty from {@code dutyStart} to {@code dutyEnd}. */
  public Instant earliestNextDuty(Instant dutyStart, Instant dutyEnd, boolean longHaul) {
    return dutyEnd.plus(minimumRest(Duration.between(dutyStart, dutyEnd), longHaul));
  }

  /**
   * One duty-limit constraint per crew member of {@code roster}, each crew member's latest legal
   * release computed from their duty start and the roster's pilot count.
   *
   * @throws IllegalArgumentException if the roster has no pilot
   */
  public List<CrewDutyLimit> dutyLimits(CrewRoster roster) {
    int pilots = roster.pilotCount();
    return roster.entries().stream()
        .map(e -> dutyLimit(e, pilots))
        .toList();
  }

  /** The duty-limit constraint of one roster entry on a flight with {@code pilots} pilots. */
  public CrewDutyLimit dutyLimit(RosterEntry entry, int pilots) {
    return new CrewDutyLimit(entry.crewId(), latestLegalRelease(entry.dutyStart(), pilots), postFlightDuty);
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive but was " + d);
    }
  }
}
