package io.skymarshal.testkit.airline;

import io.skymarshal.airline.Aircraft;
import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.Airport;
import io.skymarshal.airline.CostParameters;
import io.skymarshal.airline.Flight;
import io.skymarshal.airline.rules.CrewRules;
import io.skymarshal.airline.rules.MelRules;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Generates a plausible hub-and-spoke airline for one UTC day, deterministically from a seed:
 * the same {@link Config} always gives an equal {@link AirlineDataset}.
 *
 * <p>What the default ({@link Config#defaults()}: seed 42, 2026-01-30, 100 round trips, 30,000
 * bookings) holds: the 40 airports of {@link AirportCatalog} (hub AUH; curfews at LHR, FRA, ZRH,
 * SYD, NRT; slot-coordinated airports); 200 flights timed so no scheduled movement breaks a
 * curfew; the aircraft flying them (A380, B77W, B78X, B789, A321, A320), narrowbodies chaining
 * several round trips, about a third with open MEL items (some within hours of expiry) and some
 * with work orders; a crew per duty with the fewest pilots whose FDP limit covers it, about 15 %
 * of duties within an hour of their limit; reserve crew at AUH, LHR and JFK; about 30,000
 * bookings (at most one per seat), up to a third of each inbound flight's passengers connecting
 * at the hub onto a departure that fits their minimum connection time (about 2,000 in the
 * default);
 * cargo with special handling and temperature classes; the default cost parameters. Every
 * reference resolves ({@link AirlineDataset#integrityProblems()} is empty).
 *
 * <p>Instances are immutable and thread-safe; each {@link #generate()} uses its own
 * {@link Random} seeded from the config.
 */
public final class AirlineGenerator {
  private final Config config;

  /**
   * What to generate.
   *
   * @param seed           the random seed
   * @param date           the UTC day of the schedule
   * @param roundTrips     round trips from the hub (two flights each), in [1, 400]; with fewer
   *                       than the 39 destinations, a seeded choice of that many destinations is
   *                       served once each; otherwise every destination is served, short routes
   *                       more often than long ones
   * @param targetBookings bookings wanted in all, >= 0; fewer if the seats run out
   */
  public record Config(long seed, LocalDate date, int roundTrips, int targetBookings) {

    public Config {
      Objects.requireNonNull(date, "date");
      if (roundTrips < 1 || roundTrips > 400) {
        throw new IllegalArgumentException("roundTrips must be in [1, 400] but was " + roundTrips);
      }
      if (targetBookings < 0) {
        throw new IllegalArgumentException("targetBookings must be >= 0 but was " + targetBookings);
      }
    }

    /** Seed 42, 2026-01-30, 100 round trips (200 flights), 30,000 bookings. */
    public static Config defaults() {
      return new Config(42, LocalDate.of(2026, 1, 30), 100, 30_000);
    }

    /** These settings with another seed. */
    public Config withSeed(long newSeed) {
      return new Config(newSeed, date, roundTrips, targetBookings);
    }
  }

  private AirlineGenerator(Config config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** A generator of {@code config}. */
  public static AirlineGenerator of(Config config) {
    return new AirlineGenerator(config);
  }

  /** The default airline ({@link Config#defaults()}) with {@code seed}. */
  public static AirlineDataset generate(long seed) {
    return of(Config.defaults().withSeed(seed)).generate();
  }

  /**
   * The default airline ({@link Config#defaults()}, seed 42), generated once per JVM and shared:
   * datasets are immutable. Equal to {@code of(Config.defaults()).generate()}.
   */
  public static AirlineDataset defaultAirline() {
    return DefaultAirline.DATASET;
  }

  private static final class DefaultAirline {
    static final AirlineDataset DATASET = of(Config.defaults()).generate();
  }

  /** This generator's settings. */
  public Config config() {
    return config;
  }

  /** Generates the airline. */
  public AirlineDataset generate() {
    Random random = new Random(config.seed());
    List<Airport> airports = AirportCatalog.all();
    Airport hub = AirportCatalog.hub();
    Instant dayStart = config.date().atStartOfDay(ZoneOffset.UTC).toInstant();

    ScheduleBuilder schedule = new ScheduleBuilder(random, config.date(), hub, airports.subList(1, airports.size()),
        config.roundTrips()).build();
    List<Flight> flights = new ArrayList<>();
    schedule.trips.forEach(t -> {
      flights.add(t.out());
      flights.add(t.back());
    });
    MaintenanceBuilder maintenance = new MaintenanceBuilder(random, MelRules.defaults())
        .equip(schedule.aircraft, hub.iata(), dayStart);
    Map<String, Integer> seats = new LinkedHashMap<>();
    maintenance.aircraft.forEach(a -> seats.put(a.registration(), a.seats()));
    CrewBuilder crew = new CrewBuilder(random, CrewRules.defaults()).crew(schedule.trips)
        .reserves(config.date(), hub.iata(), List.of("LHR", "JFK"));
    BookingBuilder bookings = new BookingBuilder(random, hub.iata()).book(flights, seats, config.targetBookings());
    CargoBuilder cargo = new CargoBuilder(random).load(flights, seats);

    return new AirlineDataset(airports, flights, maintenance.aircraft, crew.members,
        List.copyOf(crew.rosters.values()), crew.reserves, bookings.passengers, bookings.bookings, cargo.shipments,
        List.of(CostParameters.defaults()));
  }

  /** The aircraft of {@code dataset} by registration: a convenience for tests and generators. */
  static Map<String, Aircraft> byRegistration(AirlineDataset dataset) {
    Map<String, Aircraft> out = new LinkedHashMap<>();
    dataset.aircraft().forEach(a -> out.put(a.registration(), a));
    return out;
  }
}
