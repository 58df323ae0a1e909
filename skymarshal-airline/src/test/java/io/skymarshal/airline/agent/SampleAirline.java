package io.skymarshal.airline.agent;

import io.skymarshal.airline.Aircraft;
import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.Airport;
import io.skymarshal.airline.Booking;
import io.skymarshal.airline.CabinClass;
import io.skymarshal.airline.CargoShipment;
import io.skymarshal.airline.ConnectionType;
import io.skymarshal.airline.CostParameters;
import io.skymarshal.airline.CrewMember;
import io.skymarshal.airline.CrewPosition;
import io.skymarshal.airline.CrewRoster;
import io.skymarshal.airline.json.DisruptionJson;
import io.skymarshal.airline.Flight;
import io.skymarshal.airline.FlightKey;
import io.skymarshal.airline.LocalTimeWindow;
import io.skymarshal.airline.LoyaltyTier;
import io.skymarshal.airline.MelCategory;
import io.skymarshal.airline.MelItem;
import io.skymarshal.airline.Passenger;
import io.skymarshal.airline.ReserveAvailability;
import io.skymarshal.airline.ReserveCrew;
import io.skymarshal.airline.RosterEntry;
import io.skymarshal.airline.SpecialHandling;
import io.skymarshal.airline.TemperatureClass;
import io.skymarshal.core.Disruption;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The EY123 case of the reference disruption as a small airline: AUH-LHR on an A380 (A6-APA)
 * with a hydraulic fault needing 120 minutes of maintenance, 18 crew (2 pilots), 615 passengers of
 * whom 87 connect at LHR onto EY061 (20:00, same terminal) and EY071 (22:30, terminal change),
 * 15 shipments including refrigerated pharmaceuticals, and the aircraft's return flight EY124.
 * Each method returns a fresh builder or value, so a test can change one thing.
 */
public final class SampleAirline {
  public static final Instant DEP = Instant.parse("2026-01-30T14:00:00Z");
  public static final Instant ARR = Instant.parse("2026-01-30T18:30:00Z");
  public static final FlightKey EY123 = FlightKey.of("EY123", "2026-01-30");

  private SampleAirline() {}

  public static Airport auh() {
    return new Airport("AUH", "Abu Dhabi", ZoneId.of("Asia/Dubai"), 24.433, 54.651, null, true, Map.of());
  }

  public static Airport lhr() {
    return new Airport("LHR", "London Heathrow", ZoneId.of("Europe/London"), 51.4700, -0.4543,
        LocalTimeWindow.parse("23:00", "06:00"), true, Map.of());
  }

  public static Airport dub() {
    return new Airport("DUB", "Dublin", ZoneId.of("Europe/Dublin"), 53.4213, -6.2701, null, false, Map.of());
  }

  public static Airport edi() {
    return new Airport("EDI", "Edinburgh", ZoneId.of("Europe/London"), 55.9500, -3.3725, null, false, Map.of());
  }

  /** The disruption of {@code reference/sample_disruption.json}, naming the aircraft A6-APA. */
  public static Disruption disruption() {
    try (InputStream in = SampleAirline.class.getResourceAsStream("/io/skymarshal/airline/sample_disruption.json")) {
      Disruption d = DisruptionJson.withAirports(List.of(auh(), lhr(), dub(), edi())).read(in);
      var f = d.flight();
      return d.toBuilder().flight(new io.skymarshal.core.FlightRef(f.flightNumber(), f.origin(), f.destination(),
          f.scheduledDeparture(), f.scheduledArrival(), f.aircraftType(), "A6-APA")).build();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static AirlineDataset.Builder dataset() {
    AirlineDataset.Builder b = AirlineDataset.builder().airport(auh()).airport(lhr()).airport(dub()).airport(edi());
    b.flight(Flight.scheduled("EY123", "AUH", "LHR", DEP, ARR, "A6-APA", "A380"));
    b.flight(Flight.scheduled("EY124", "LHR", "AUH", at("2026-01-30T20:30:00Z"), at("2026-01-31T03:45:00Z"), "A6-APA", "A380"));
    b.flight(Flight.scheduled("EY061", "LHR", "DUB", at("2026-01-30T20:00:00Z"), at("2026-01-30T21:20:00Z"), "A6-EYA", "A320"));
    b.flight(Flight.scheduled("EY071", "LHR", "EDI", at("2026-01-30T22:30:00Z"), at("2026-01-30T23:50:00Z"), "A6-EYB", "A320"));
    b.aircraft(new Aircraft("A6-APA", "A380", "AUH", 615,
        List.of(MelItem.of("MEL-33-02", MelCategory.C, "Cabin reading light row 40", at("2026-01-26T08:00:00Z"))), List.of()));
    b.aircraft(new Aircraft("A6-EYA", "A320", "AUH", 160, List.of(), List.of()));
    b.aircraft(new Aircraft("A6-EYB", "A320", "AUH", 160, List.of(), List.of()));
    crew(b);
    passengers(b);
    cargo(b);
    b.costParameters(CostParameters.defaults());
    return b;
  }

  private static void crew(AirlineDataset.Builder b) {
    Instant start = at("2026-01-30T12:30:00Z");
    Instant end = at("2026-01-30T19:00:00Z");
    List<RosterEntry> entries = new ArrayList<>();
    for (int i = 1; i <= 18; i++) {
      CrewPosition pos = i == 1 ? CrewPosition.CAPTAIN : i == 2 ? CrewPosition.FIRST_OFFICER
          : i == 3 ? CrewPosition.PURSER : CrewPosition.CABIN_CREW;
      String id = String.format("C%03d", i);
      b.crewMember(new CrewMember(id, "Crew " + i, pos, "AUH", Set.of("A380")));
      entries.add(new RosterEntry(id, pos, start, end));
    }
    b.roster(new CrewRoster(EY123, entries));
    List<ReserveAvailability> reserves = new ArrayList<>();
    String[][] r = {{"R01", "CAPTAIN"}, {"R02", "FIRST_OFFICER"}, {"R03", "CABIN_CREW"}, {"R04", "CABIN_CREW"}};
    for (String[] x : r) {
      b.crewMember(new CrewMember(x[0], "Reserve " + x[0], CrewPosition.valueOf(x[1]), "AUH", Set.of("A380")));
      reserves.add(new ReserveAvailability(x[0], at("2026-01-30T10:00:00Z"), at("2026-01-31T10:00:00Z")));
    }
    b.reserveCrew(new ReserveCrew("AUH", reserves));
  }

  private static void passengers(AirlineDataset.Builder b) {
    for (int i = 1; i <= 615; i++) {
      String id = String.format("P%04d", i);
      LoyaltyTier tier = i <= 20 ? LoyaltyTier.PLATINUM : i <= 80 ? LoyaltyTier.GOLD : i <= 180 ? LoyaltyTier.SILVER
          : LoyaltyTier.NONE;
      Set<String> ssr = i % 100 == 7 ? Set.of("WCHR") : Set.of();
      b.passenger(new Passenger(id, "Passenger " + i, tier, i <= 12, ssr));
      CabinClass cabin = i <= 9 ? CabinClass.FIRST : i <= 79 ? CabinClass.BUSINESS : CabinClass.ECONOMY;
      FlightKey onward = i > 500 && i <= 550 ? FlightKey.of("EY061", "2026-01-30")
          : i > 550 && i <= 587 ? FlightKey.of("EY071", "2026-01-30") : null;
      ConnectionType type = onward == null ? null
          : onward.flightNumber().equals("EY061") ? ConnectionType.SAME_TERMINAL : ConnectionType.TERMINAL_CHANGE;
      b.booking(new Booking("B" + id, id, EY123, cabin, onward, type));
    }
  }

  private static void cargo(AirlineDataset.Builder b) {
    b.cargo(ship("607-10000011", "Pharmaceuticals", 850, EnumSet.of(SpecialHandling.PIL), TemperatureClass.REF, "420000"));
    b.cargo(ship("607-10000022", "Vaccines", 300, EnumSet.of(SpecialHandling.PIL), TemperatureClass.FRO, "250000"));
    b.cargo(ship("607-10000033", "Fresh fish", 1200, EnumSet.of(SpecialHandling.PER), TemperatureClass.COL, "36000"));
    b.cargo(ship("607-10000044", "Lithium batteries", 400, EnumSet.of(SpecialHandling.DGR), TemperatureClass.NONE, "90000"));
    b.cargo(ship("607-10000055", "Racehorse", 600, EnumSet.of(SpecialHandling.AVI), TemperatureClass.NONE, "1500000"));
    for (int i = 6; i <= 15; i++) {
      b.cargo(ship(String.format("607-100000%02d", i * 11 % 100), "General cargo " + i, 500, EnumSet.noneOf(SpecialHandling.class),
          TemperatureClass.NONE, "15000"));
    }
  }

  private static CargoShipment ship(String awb, String commodity, double kg, Set<SpecialHandling> shc,
      TemperatureClass temp, String usd) {
    return new CargoShipment(awb, EY123, commodity, kg, shc, temp, new BigDecimal(usd));
  }

  static Instant at(String iso) {
    return Instant.parse(iso);
  }

  static Duration minutes(long m) {
    return Duration.ofMinutes(m);
  }
}
