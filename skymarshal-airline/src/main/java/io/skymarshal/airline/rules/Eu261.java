package io.skymarshal.airline.rules;

import io.skymarshal.airline.Airport;
import java.time.Duration;

/**
 * EU 261 passenger compensation: EUR 250 up to 1,500 km, EUR 400 up to 3,500 km, EUR 600 beyond,
 * the distance being the great circle between the airports; owed for a cancellation or an
 * arrival delay of 3 h or more (defaults). Immutable, thread-safe.
 *
 * @param shortBandKm     upper bound of the short band, km
 * @param mediumBandKm    upper bound of the medium band, km
 * @param shortEur        compensation in the short band, EUR
 * @param mediumEur       compensation in the medium band, EUR
 * @param longEur         compensation beyond the medium band, EUR
 * @param delayThreshold  arrival delay from which compensation is owed
 */
public record Eu261(double shortBandKm, double mediumBandKm, int shortEur, int mediumEur, int longEur,
    Duration delayThreshold) {

  /** Mean Earth radius in km (IUGG). */
  public static final double EARTH_RADIUS_KM = 6371.0088;

  private static final Eu261 DEFAULTS = new Eu261(1500, 3500, 250, 400, 600, Duration.ofHours(3));

  public Eu261 {
    if (!(shortBandKm > 0 && mediumBandKm > shortBandKm)) {
      throw new IllegalArgumentException("bands must satisfy 0 < short < medium but were " + shortBandKm + ", "
          + mediumBandKm);
    }
    if (shortEur < 0 || mediumEur < 0 || longEur < 0) {
      throw new IllegalArgumentException("compensation amounts must be >= 0");
    }
    if (delayThreshold == null || delayThreshold.isNegative()) {
      throw new IllegalArgumentException("delayThreshold must be >= 0 but was " + delayThreshold);
    }
  }

  /** The defaults of DOMAIN.md. */
  public static Eu261 defaults() {
    return DEFAULTS;
  }

  /** Compensation per passenger in EUR for a flight of {@code distanceKm}. */
  public int compensationEur(double distanceKm) {
    if (!(distanceKm >= 0) || Double.isInfinite(distanceKm)) {
      throw new IllegalArgumentException("distance must be a finite number >= 0 but was " + distanceKm);
    }
    if (distanceKm <= shortBandKm) {
      return shortEur;
    }
    return distanceKm <= mediumBandKm ? mediumEur : longEur;
  }

  /** Compensation per passenger in EUR between two airports. */
  public int compensationEur(Airport from, Airport to) {
    return compensationEur(greatCircleKm(from, to));
  }

  /** Whether an arrival delay of {@code arrivalDelay} is compensated. */
  public boolean owedForDelay(Duration arrivalDelay) {
    return arrivalDelay.compareTo(delayThreshold) >= 0;
  }

  /** The great-circle distance between two airports in km (haversine on a sphere). */
  public static double greatCircleKm(Airport from, Airport to) {
    return greatCircleKm(from.latitude(), from.longitude(), to.latitude(), to.longitude());
  }

  /** The great-circle distance between two points given in degrees, in km. */
  public static double greatCircleKm(double lat1, double lon1, double lat2, double lon2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2 - lon1);
    double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
  }
}
