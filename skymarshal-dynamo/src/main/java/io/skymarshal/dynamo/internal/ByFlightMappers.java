package io.skymarshal.dynamo.internal;

import io.skymarshal.airline.AircraftRotation;
import io.skymarshal.airline.CrewRoster;
import io.skymarshal.airline.Flight;
import io.skymarshal.airline.FlightBookings;
import io.skymarshal.airline.FlightCargo;
import io.skymarshal.airline.FlightKey;
import io.skymarshal.airline.RotationKey;
import io.skymarshal.dynamo.GroupMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Group mappers of the "by flight" tables (rosters, bookings, cargo: every flight gets a value,
 * empty when it has no rows, as {@link io.skymarshal.airline.AirlineTables} allows) and of
 * aircraft rotations (missing when the aircraft flies nothing that day).
 */
public final class ByFlightMappers {
  private ByFlightMappers() {}

  public static final GroupMapper<FlightKey, CrewRoster> ROSTERS =
      byFlight(CrewMappers::rosterEntry, CrewRoster::new);
  public static final GroupMapper<FlightKey, FlightBookings> BOOKINGS =
      byFlight(CommercialMappers.BOOKINGS::fromItem, FlightBookings::new);
  public static final GroupMapper<FlightKey, FlightCargo> CARGO =
      byFlight(CommercialMappers.CARGO::fromItem, FlightCargo::new);

  public static final GroupMapper<RotationKey, AircraftRotation> ROTATIONS = new GroupMapper<>() {
    @Override
    public String partitionAttribute() {
      return AirlineSchema.AIRCRAFT_DAY;
    }

    @Override
    public AttributeValue partitionValue(RotationKey key) {
      return AttributeValue.fromS(AirlineSchema.aircraftDay(key.registration(), key.date()));
    }

    @Override
    public AircraftRotation fromItems(RotationKey key, List<Map<String, AttributeValue>> items) {
      if (items.isEmpty()) {
        return null;
      }
      List<FlightKey> flights = items.stream().map(ScheduleMappers.FLIGHTS::fromItem)
          .sorted(Comparator.comparing(Flight::scheduledDeparture).thenComparing(Flight::number))
          .map(Flight::key).toList();
      return new AircraftRotation(key.registration(), key.date(), flights);
    }
  };

  private static <E, V> GroupMapper<FlightKey, V> byFlight(Function<Map<String, AttributeValue>, E> row,
      BiFunction<FlightKey, List<E>, V> assemble) {
    return new GroupMapper<>() {
      @Override
      public String partitionAttribute() {
        return AirlineSchema.FLIGHT_KEY;
      }

      @Override
      public AttributeValue partitionValue(FlightKey key) {
        return AttributeValue.fromS(Attrs.flightKey(key));
      }

      @Override
      public V fromItems(FlightKey key, List<Map<String, AttributeValue>> items) {
        List<Map<String, AttributeValue>> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(ByFlightMappers::seq));
        List<E> rows = new ArrayList<>(sorted.size());
        sorted.forEach(i -> rows.add(row.apply(i)));
        return assemble.apply(key, rows);
      }
    };
  }

  // rows written by other tools may lack seq: they go last, in index order
  private static BigDecimal seq(Map<String, AttributeValue> item) {
    AttributeValue v = item.get(AirlineSchema.SEQ);
    return v == null || v.n() == null ? BigDecimal.valueOf(Long.MAX_VALUE) : new BigDecimal(v.n());
  }
}
