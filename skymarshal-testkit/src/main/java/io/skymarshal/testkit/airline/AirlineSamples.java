package io.skymarshal.testkit.airline;

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
import io.skymarshal.airline.LoyaltyTier;
import io.skymarshal.airline.MelCategory;
import io.skymarshal.airline.MelItem;
import io.skymarshal.airline.Passenger;
import io.skymarshal.airline.ReserveAvailability;
import io.skymarshal.airline.ReserveCrew;
import io.skymarshal.airline.RosterEntry;
import io.skymarshal.airline.SpecialHandling;
import io.skymarshal.airline.TemperatureClass;
import io.skymarshal.airline.WorkOrder;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.FlightRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A small fixed airline around the reference disruption: EY123 Abu Dhabi - London Heathrow on
 * 2026-01-30, A380 {@value #EY123_REGISTRATION}, hydraulic fault, 615 passengers (12 VIP, 87
 * connecting onward at LHR onto partner flights to Manchester and Dublin), 15 shipments
 * (pharmaceuticals and perishables), 18 crew whose two pilots reported at 09:30Z (8.5 h of duty
 * left at departure), and around them: the aircraft's return EY124 (downstream in its
 * rotation), two feeder flights from Mumbai and Delhi whose passengers connect onto EY123, a
 * spare A380 at the hub, reserve crew at AUH and LHR. Deterministic; every reference resolves.
 */
public final class AirlineSamples {

  /** The disrupted flight. */
  public static final FlightKey EY123 = FlightKey.of("EY123", "2026-01-30");

  /** Its aircraft. */
  public static final String EY123_REGISTRATION = "A6-APA";

  private static final String SAMPLE_RESOURCE = "sample_disruption.json";

  private AirlineSamples() {}

  /** The reference disruption document, as an operations system sent it. */
  public static String sampleDisruptionJson() {
    try (InputStream in = AirlineSamples.class.getResourceAsStream(SAMPLE_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + SAMPLE_RESOURCE + " is missing from the testkit");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The reference disruption read with {@link DisruptionJson} against the sample's airports, its
   * aircraft registration (absent from the document) filled in from the schedule.
   */
  public static Disruption ey123Disruption() {
    Disruption d = DisruptionJson.withAirports(ey123Airline().airports()).read(sampleDisruptionJson());
    FlightRef f = d.flight();
    return d.toBuilder().flight(new FlightRef(f.flightNumber(), f.origin(), f.destination(), f.scheduledDeparture(),
        f.scheduledArrival(), f.aircraftType(), EY123_REGISTRATION)).build();
  }

  /** The sample airline. */
  public static AirlineDataset ey123Airline() {
    Random random = new Random(123);
    AirlineDataset.Builder b = AirlineDataset.builder();
    for (String iata : List.of("AUH", "LHR", "BOM", "DEL", "MAN", "DUB")) {
      b.airport(AirportCatalog.get(iata));
    }
    b.costParameters(CostParameters.defaults());

    Flight ey123 = flight(b, "EY123", "AUH", "LHR", "2026-01-30T14:00:00Z", "2026-01-30T18:30:00Z", EY123_REGISTRATION, "A380");
    Flight ey124 = flight(b, "EY124", "LHR", "AUH", "2026-01-30T20:30:00Z", "2026-01-31T03:30:00Z", EY123_REGISTRATION, "A380");
    Flight ey205 = flight(b, "EY205", "BOM", "AUH", "2026-01-30T08:30:00Z", "2026-01-30T11:45:00Z", "A6-BLA", "B789");
    Flight ey211 = flight(b, "EY211", "DEL", "AUH", "2026-01-30T08:40:00Z", "2026-01-30T12:20:00Z", "A6-BLB", "B789");
    Flight ba1390 = flight(b, "BA1390", "LHR", "MAN", "2026-01-30T20:05:00Z", "2026-01-30T21:10:00Z", "G-EUPA", "A319");
    Flight ei159 = flight(b, "EI159", "LHR", "DUB", "2026-01-30T20:45:00Z", "2026-01-30T22:00:00Z", "EI-DEA", "A320");

    Instant hydraulicFault = Instant.parse("2026-01-30T10:45:00Z");
    b.aircraft(new Aircraft(EY123_REGISTRATION, "A380", "AUH", 615, List.of(
            MelItem.of("MEL-29-0012", MelCategory.B, "Hydraulic system 2 (green) pump low-pressure indication",
                hydraulicFault),
            MelItem.of("MEL-23-0007", MelCategory.C, "Cabin PA speaker inoperative, zone E",
                Instant.parse("2026-01-22T06:00:00Z"))),
        List.of(new WorkOrder("WO-778812", "Hydraulic pump 2 inspection and pressure check",
            Instant.parse("2026-01-30T16:00:00Z"), Duration.ofMinutes(120), false))))
        .aircraft(new Aircraft("A6-APB", "A380", "AUH", 615, List.of(), List.of()))
        .aircraft(new Aircraft("A6-BLA", "B789", "AUH", 299, List.of(), List.of()))
        .aircraft(new Aircraft("A6-BLB", "B789", "AUH", 299, List.of(), List.of()))
        .aircraft(new Aircraft("G-EUPA", "A319", "LHR", 143, List.of(), List.of()))
        .aircraft(new Aircraft("EI-DEA", "A320", "DUB", 174, List.of(), List.of()));

    Crew crew = new Crew(b, random);
    crew.roster(ey123, "A380", 2, 16, Instant.parse("2026-01-30T09:30:00Z"), Instant.parse("2026-01-30T12:30:00Z"));
    crew.roster(ey124, "A380", 2, 16, Instant.parse("2026-01-30T19:00:00Z"), Instant.parse("2026-01-30T19:00:00Z"));
    crew.roster(ey205, "B789", 2, 7, Instant.parse("2026-01-30T07:15:00Z"), Instant.parse("2026-01-30T07:15:00Z"));
    crew.roster(ey211, "B789", 2, 7, Instant.parse("2026-01-30T07:25:00Z"), Instant.parse("2026-01-30T07:25:00Z"));
    crew.reserves("AUH", Instant.parse("2026-01-30T12:00:00Z"), 2, 2, 16);
    crew.reserves("LHR", Instant.parse("2026-01-30T12:00:00Z"), 1, 1, 4);

    Passengers pax = new Passengers(b, random);
    for (int i = 0; i < 60; i++) {
      pax.connecting(ey205, ey123, ConnectionType.SAME_TERMINAL, false);
    }
    for (int i = 0; i < 45; i++) {
      pax.connecting(ey211, ey123, ConnectionType.TERMINAL_CHANGE, false);
    }
    for (int i = 0; i < 87; i++) {
      pax.connecting(ey123, i < 50 ? ba1390 : ei159, ConnectionType.INTERLINE, i < 3);
    }
    for (int i = 0; i < 615 - 60 - 45 - 87; i++) {
      pax.local(ey123, i < 9);
    }
    pax.fill(ey205, 150 - 60);
    pax.fill(ey211, 140 - 45);
    pax.fill(ey124, 420);
    pax.fill(ba1390, 80);
    pax.fill(ei159, 100);

    int awb = 4_100_000;
    for (int i = 0; i < 15; i++) {
      boolean pharma = i < 5;
      boolean perishable = i >= 5 && i < 9;
      Set<SpecialHandling> codes = pharma ? Set.of(SpecialHandling.PIL) : perishable ? Set.of(SpecialHandling.PER) : Set.of();
      TemperatureClass t = pharma ? (i < 4 ? TemperatureClass.REF : TemperatureClass.COL)
          : perishable ? (i == 8 ? TemperatureClass.FRO : TemperatureClass.COL) : TemperatureClass.NONE;
      String commodity = pharma ? "Pharmaceuticals" : perishable ? "Perishables" : "General cargo";
      double kg = 150 + 100 * i;
      b.cargo(new CargoShipment("607-" + awb + (awb % 7), EY123, commodity, kg, codes, t,
          BigDecimal.valueOf(pharma ? 250_000 : perishable ? 4_000 : 2_500)));
      awb++;
    }
    for (int i = 0; i < 8; i++) {
      b.cargo(new CargoShipment("607-" + awb + (awb % 7), ey124.key(), "General cargo", 300 + 50 * i, Set.of(),
          TemperatureClass.NONE, BigDecimal.valueOf(3_000)));
      awb++;
    }
    return b.build();
  }

  private static Flight flight(AirlineDataset.Builder b, String number, String from, String to, String dep, String arr,
      String registration, String type) {
    Flight f = Flight.scheduled(number, from, to, Instant.parse(dep), Instant.parse(arr), registration, type);
    b.flight(f);
    return f;
  }

  /** Crew members, rosters and reserves of the sample, with ids from C90001. */
  private static final class Crew {
    private final AirlineDataset.Builder b;
    private final Random random;
    private int next = 90001;

    Crew(AirlineDataset.Builder b, Random random) {
      this.b = b;
      this.random = random;
    }

    void roster(Flight f, String type, int pilots, int cabin, Instant pilotsReport, Instant cabinReport) {
      Instant end = f.scheduledArrival().plus(Duration.ofMinutes(30));
      List<RosterEntry> entries = new ArrayList<>();
      for (int p = 0; p < pilots; p++) {
        CrewPosition pos = p == 0 ? CrewPosition.CAPTAIN : CrewPosition.FIRST_OFFICER;
        entries.add(new RosterEntry(member(pos, type, "AUH"), pos, pilotsReport, end));
      }
      for (int c = 0; c < cabin; c++) {
        CrewPosition pos = c == 0 ? CrewPosition.PURSER : CrewPosition.CABIN_CREW;
        entries.add(new RosterEntry(member(pos, type, "AUH"), pos, cabinReport, end));
      }
      b.roster(new CrewRoster(f.key(), entries));
    }

    void reserves(String base, Instant from, int captains, int firstOfficers, int cabin) {
      List<ReserveAvailability> available = new ArrayList<>();
      Instant until = from.plus(Duration.ofHours(12));
      for (int i = 0; i < captains; i++) {
        available.add(new ReserveAvailability(member(CrewPosition.CAPTAIN, "A380", base), from, until));
      }
      for (int i = 0; i < firstOfficers; i++) {
        available.add(new ReserveAvailability(member(CrewPosition.FIRST_OFFICER, "A380", base), from, until));
      }
      for (int i = 0; i < cabin; i++) {
        available.add(new ReserveAvailability(member(i == 0 ? CrewPosition.PURSER : CrewPosition.CABIN_CREW, "A380",
            base), from, until));
      }
      b.reserveCrew(new ReserveCrew(base, available));
    }

    private String member(CrewPosition position, String type, String base) {
      String id = "C" + next++;
      Set<String> quals = position.isPilot() || type.equals("A380") ? Set.of(type) : Set.of(type, "A380");
      b.crewMember(new CrewMember(id, Names.person(random), position, base, quals));
      return id;
    }
  }

  /** Passengers and bookings of the sample, with ids from P9000001 and B9000001. */
  private static final class Passengers {
    private static final Map<Integer, LoyaltyTier> TIERS = Map.of(0, LoyaltyTier.PLATINUM, 1, LoyaltyTier.GOLD,
        2, LoyaltyTier.GOLD, 3, LoyaltyTier.SILVER, 4, LoyaltyTier.SILVER, 5, LoyaltyTier.SILVER);
    private final AirlineDataset.Builder b;
    private final Random random;
    private int nextPassenger = 9_000_001;
    private int nextBooking = 9_000_001;

    Passengers(AirlineDataset.Builder b, Random random) {
      this.b = b;
      this.random = random;
    }

    void connecting(Flight first, Flight onward, ConnectionType type, boolean vip) {
      String p = passenger(vip);
      CabinClass cabin = cabin();
      b.booking(new Booking("B" + nextBooking++, p, first.key(), cabin, onward.key(), type));
      b.booking(Booking.pointToPoint("B" + nextBooking++, p, onward.key(), cabin));
    }

    void local(Flight f, boolean vip) {
      b.booking(Booking.pointToPoint("B" + nextBooking++, passenger(vip), f.key(), cabin()));
    }

    void fill(Flight f, int count) {
      for (int i = 0; i < count; i++) {
        local(f, false);
      }
    }

    private String passenger(boolean vip) {
      String id = "P" + nextPassenger++;
      LoyaltyTier tier = vip ? LoyaltyTier.PLATINUM : TIERS.getOrDefault(random.nextInt(20), LoyaltyTier.NONE);
      Set<String> needs = random.nextInt(40) == 0 ? Set.of("WCHR") : Set.of();
      b.passenger(new Passenger(id, Names.person(random), tier, vip, needs));
      return id;
    }

    private CabinClass cabin() {
      int c = random.nextInt(100);
      return c < 2 ? CabinClass.FIRST : c < 14 ? CabinClass.BUSINESS : CabinClass.ECONOMY;
    }
  }
}
