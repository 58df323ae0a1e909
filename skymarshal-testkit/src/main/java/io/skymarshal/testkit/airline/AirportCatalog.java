package io.skymarshal.testkit.airline;

import io.skymarshal.airline.Airport;
import io.skymarshal.airline.ConnectionType;
import io.skymarshal.airline.LocalTimeWindow;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Forty real airports with their IATA codes, IANA zones and coordinates: Abu Dhabi (the hub)
 * and the destinations of a Gulf network carrier. Curfews and slot coordination are modelled on
 * the real airports, simplified (LHR 23:00-06:00, FRA 23:00-05:00, ZRH 23:30-06:00, SYD
 * 23:00-06:00, NRT 00:00-06:00). Immutable.
 */
public final class AirportCatalog {

  /** The hub's IATA code. */
  public static final String HUB = "AUH";

  /** The hub's minimum connection times: 60 / 90 / 120 minutes by connection type. */
  public static final Map<ConnectionType, Duration> HUB_MCT = Map.of(
      ConnectionType.SAME_TERMINAL, Duration.ofMinutes(60),
      ConnectionType.TERMINAL_CHANGE, Duration.ofMinutes(90),
      ConnectionType.INTERLINE, Duration.ofMinutes(120));

  private static final List<Airport> AIRPORTS = List.of(
      new Airport(HUB, "Abu Dhabi International", ZoneId.of("Asia/Dubai"), 24.4330, 54.6511, null, false, HUB_MCT),
      a("LHR", "London Heathrow", "Europe/London", 51.4700, -0.4543, "23:00", "06:00", true),
      a("FRA", "Frankfurt", "Europe/Berlin", 50.0379, 8.5622, "23:00", "05:00", true),
      a("ZRH", "Zurich", "Europe/Zurich", 47.4647, 8.5492, "23:30", "06:00", true),
      a("SYD", "Sydney Kingsford Smith", "Australia/Sydney", -33.9399, 151.1753, "23:00", "06:00", true),
      a("NRT", "Tokyo Narita", "Asia/Tokyo", 35.7720, 140.3929, "00:00", "06:00", true),
      a("CDG", "Paris Charles de Gaulle", "Europe/Paris", 49.0097, 2.5479, null, null, true),
      a("AMS", "Amsterdam Schiphol", "Europe/Amsterdam", 52.3105, 4.7683, null, null, true),
      a("MUC", "Munich", "Europe/Berlin", 48.3538, 11.7861, null, null, true),
      a("FCO", "Rome Fiumicino", "Europe/Rome", 41.8003, 12.2389, null, null, true),
      a("MAD", "Madrid Barajas", "Europe/Madrid", 40.4983, -3.5676, null, null, true),
      a("BCN", "Barcelona El Prat", "Europe/Madrid", 41.2974, 2.0833, null, null, false),
      a("IST", "Istanbul", "Europe/Istanbul", 41.2753, 28.7519, null, null, false),
      a("ATH", "Athens", "Europe/Athens", 37.9364, 23.9445, null, null, false),
      a("DUB", "Dublin", "Europe/Dublin", 53.4213, -6.2701, null, null, false),
      a("MAN", "Manchester", "Europe/London", 53.3537, -2.2750, null, null, false),
      a("JFK", "New York JFK", "America/New_York", 40.6413, -73.7781, null, null, true),
      a("ORD", "Chicago O'Hare", "America/Chicago", 41.9742, -87.9073, null, null, false),
      a("IAD", "Washington Dulles", "America/New_York", 38.9531, -77.4565, null, null, false),
      a("YYZ", "Toronto Pearson", "America/Toronto", 43.6777, -79.6248, null, null, false),
      a("MEL", "Melbourne", "Australia/Melbourne", -37.6690, 144.8410, null, null, false),
      a("SIN", "Singapore Changi", "Asia/Singapore", 1.3644, 103.9915, null, null, false),
      a("BKK", "Bangkok Suvarnabhumi", "Asia/Bangkok", 13.6900, 100.7501, null, null, false),
      a("HKG", "Hong Kong", "Asia/Hong_Kong", 22.3080, 113.9185, null, null, true),
      a("ICN", "Seoul Incheon", "Asia/Seoul", 37.4602, 126.4407, null, null, false),
      a("PVG", "Shanghai Pudong", "Asia/Shanghai", 31.1443, 121.8083, null, null, false),
      a("BOM", "Mumbai", "Asia/Kolkata", 19.0896, 72.8656, null, null, true),
      a("DEL", "Delhi", "Asia/Kolkata", 28.5562, 77.1000, null, null, false),
      a("BLR", "Bengaluru", "Asia/Kolkata", 13.1986, 77.7066, null, null, false),
      a("MAA", "Chennai", "Asia/Kolkata", 12.9941, 80.1709, null, null, false),
      a("COK", "Kochi", "Asia/Kolkata", 10.1520, 76.4019, null, null, false),
      a("KHI", "Karachi", "Asia/Karachi", 24.9065, 67.1608, null, null, false),
      a("CMB", "Colombo", "Asia/Colombo", 7.1808, 79.8841, null, null, false),
      a("DAC", "Dhaka", "Asia/Dhaka", 23.8433, 90.3978, null, null, false),
      a("KTM", "Kathmandu", "Asia/Kathmandu", 27.6966, 85.3591, null, null, false),
      a("CAI", "Cairo", "Africa/Cairo", 30.1219, 31.4056, null, null, false),
      a("JNB", "Johannesburg", "Africa/Johannesburg", -26.1392, 28.2460, null, null, false),
      a("NBO", "Nairobi", "Africa/Nairobi", -1.3192, 36.9278, null, null, false),
      a("RUH", "Riyadh", "Asia/Riyadh", 24.9576, 46.6988, null, null, false),
      a("MCT", "Muscat", "Asia/Muscat", 23.5933, 58.2844, null, null, false));

  private AirportCatalog() {}

  /** All forty, the hub first. */
  public static List<Airport> all() {
    return AIRPORTS;
  }

  /** The hub. */
  public static Airport hub() {
    return AIRPORTS.get(0);
  }

  /**
   * The airport with {@code iata}.
   *
   * @throws IllegalArgumentException if the catalog does not hold it
   */
  public static Airport get(String iata) {
    return AIRPORTS.stream().filter(x -> x.iata().equals(iata)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no airport " + iata + " in the catalog"));
  }

  private static Airport a(String iata, String name, String zone, double lat, double lon, String curfewFrom,
      String curfewTo, boolean slots) {
    LocalTimeWindow curfew = curfewFrom == null ? null : LocalTimeWindow.parse(curfewFrom, curfewTo);
    return new Airport(iata, name, ZoneId.of(zone), lat, lon, curfew, slots, Map.of());
  }
}
