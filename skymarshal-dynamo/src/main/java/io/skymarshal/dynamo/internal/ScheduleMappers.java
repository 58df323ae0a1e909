package io.skymarshal.dynamo.internal;

import static io.skymarshal.dynamo.internal.Attrs.bool;
import static io.skymarshal.dynamo.internal.Attrs.date;
import static io.skymarshal.dynamo.internal.Attrs.duration;
import static io.skymarshal.dynamo.internal.Attrs.enumValue;
import static io.skymarshal.dynamo.internal.Attrs.instant;
import static io.skymarshal.dynamo.internal.Attrs.item;
import static io.skymarshal.dynamo.internal.Attrs.list;
import static io.skymarshal.dynamo.internal.Attrs.n;
import static io.skymarshal.dynamo.internal.Attrs.optS;
import static io.skymarshal.dynamo.internal.Attrs.s;

import io.skymarshal.airline.Aircraft;
import io.skymarshal.airline.Airport;
import io.skymarshal.airline.ConnectionType;
import io.skymarshal.airline.Flight;
import io.skymarshal.airline.FlightKey;
import io.skymarshal.airline.FlightStatus;
import io.skymarshal.airline.LocalTimeWindow;
import io.skymarshal.airline.MelCategory;
import io.skymarshal.airline.MelItem;
import io.skymarshal.airline.WorkOrder;
import io.skymarshal.dynamo.ItemMapper;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Hand-written mappers of flights, aircraft and airports. */
public final class ScheduleMappers {
  private ScheduleMappers() {}

  /** Flights keyed by {@code flight_number} + {@code flight_date}; {@code aircraft_day} feeds the rotation index. */
  public static final ItemMapper<FlightKey, Flight> FLIGHTS = new ItemMapper<>() {
    @Override
    public List<String> keyAttributes() {
      return List.of(AirlineSchema.FLIGHT_NUMBER, AirlineSchema.FLIGHT_DATE);
    }

    @Override
    public Map<String, AttributeValue> toKey(FlightKey k) {
      return item().s(AirlineSchema.FLIGHT_NUMBER, k.flightNumber()).s(AirlineSchema.FLIGHT_DATE, k.date()).build();
    }

    @Override
    public Map<String, AttributeValue> toItem(Flight f) {
      return item().s(AirlineSchema.FLIGHT_NUMBER, f.number()).s(AirlineSchema.FLIGHT_DATE, f.date())
          .s("origin", f.origin()).s("destination", f.destination())
          .s("scheduled_departure", f.scheduledDeparture()).s("scheduled_arrival", f.scheduledArrival())
          .s("estimated_departure", f.estimatedDeparture()).s("estimated_arrival", f.estimatedArrival())
          .s("aircraft_registration", f.aircraftRegistration()).s("aircraft_type", f.aircraftType())
          .s("status", f.status().name())
          .s(AirlineSchema.AIRCRAFT_DAY, AirlineSchema.aircraftDay(f.aircraftRegistration(), f.date()))
          .build();
    }

    @Override
    public Flight fromItem(Map<String, AttributeValue> i) {
      return new Flight(s(i, AirlineSchema.FLIGHT_NUMBER), date(i, AirlineSchema.FLIGHT_DATE), s(i, "origin"),
          s(i, "destination"), instant(i, "scheduled_departure"), instant(i, "scheduled_arrival"),
          instant(i, "estimated_departure"), instant(i, "estimated_arrival"), s(i, "aircraft_registration"),
          s(i, "aircraft_type"), enumValue(i, "status", FlightStatus.class));
    }
  };

  public static final ItemMapper<String, Aircraft> AIRCRAFT = new SingleKeyMapper<>(AirlineSchema.REGISTRATION) {
    @Override
    public Map<String, AttributeValue> toItem(Aircraft a) {
      return item().s(AirlineSchema.REGISTRATION, a.registration()).s("type", a.type()).s("home_base", a.homeBase())
          .n("seats", a.seats())
          .list("open_mel_items", a.openMelItems(), m -> item().s("id", m.id()).s("category", m.category().name())
              .s("description", m.description()).s("raised", m.raised()).s("stated_interval", m.statedInterval())
              .s("restriction", m.restriction()).build())
          .list("open_work_orders", a.openWorkOrders(), w -> item().s("id", w.id()).s("description", w.description())
              .s("due", w.due()).s("estimated_duration", w.estimatedDuration())
              .bool("grounds_aircraft", w.groundsAircraft()).build())
          .build();
    }

    @Override
    public Aircraft fromItem(Map<String, AttributeValue> i) {
      return new Aircraft(s(i, AirlineSchema.REGISTRATION), s(i, "type"), s(i, "home_base"), n(i, "seats").intValueExact(),
          list(i, "open_mel_items", m -> new MelItem(s(m, "id"), enumValue(m, "category", MelCategory.class),
              s(m, "description"), instant(m, "raised"),
              optS(m, "stated_interval") == null ? null : duration(m, "stated_interval"), s(m, "restriction"))),
          list(i, "open_work_orders", w -> new WorkOrder(s(w, "id"), s(w, "description"), instant(w, "due"),
              duration(w, "estimated_duration"), bool(w, "grounds_aircraft"))));
    }
  };

  public static final ItemMapper<String, Airport> AIRPORTS = new SingleKeyMapper<>(AirlineSchema.IATA) {
    @Override
    public Map<String, AttributeValue> toItem(Airport a) {
      Attrs.Item mct = item();
      a.minimumConnectionTimes().forEach((type, time) -> mct.s(type.name(), time));
      return item().s(AirlineSchema.IATA, a.iata()).s("name", a.name()).s("zone", a.zone().getId())
          .n("latitude", a.latitude()).n("longitude", a.longitude())
          .put("curfew", a.curfew() == null ? null : AttributeValue.fromM(
              item().s("from", a.curfew().from()).s("to", a.curfew().to()).build()))
          .bool("slot_coordinated", a.slotCoordinated())
          .put("minimum_connection_times", AttributeValue.fromM(mct.build()))
          .build();
    }

    @Override
    public Airport fromItem(Map<String, AttributeValue> i) {
      Map<ConnectionType, java.time.Duration> mct = new EnumMap<>(ConnectionType.class);
      Attrs.m(i, "minimum_connection_times").forEach((type, time) ->
          mct.put(ConnectionType.valueOf(type), java.time.Duration.parse(time.s())));
      LocalTimeWindow curfew = null;
      if (i.containsKey("curfew")) {
        Map<String, AttributeValue> c = Attrs.m(i, "curfew");
        curfew = new LocalTimeWindow(LocalTime.parse(s(c, "from")), LocalTime.parse(s(c, "to")));
      }
      return new Airport(s(i, AirlineSchema.IATA), s(i, "name"), ZoneId.of(s(i, "zone")), n(i, "latitude").doubleValue(),
          n(i, "longitude").doubleValue(), curfew, bool(i, "slot_coordinated"), mct);
    }
  };
}
