package io.skymarshal.dynamo.internal;

import static io.skymarshal.dynamo.internal.Attrs.bool;
import static io.skymarshal.dynamo.internal.Attrs.enumSet;
import static io.skymarshal.dynamo.internal.Attrs.enumValue;
import static io.skymarshal.dynamo.internal.Attrs.item;
import static io.skymarshal.dynamo.internal.Attrs.n;
import static io.skymarshal.dynamo.internal.Attrs.optS;
import static io.skymarshal.dynamo.internal.Attrs.s;
import static io.skymarshal.dynamo.internal.Attrs.ss;

import io.skymarshal.airline.Booking;
import io.skymarshal.airline.CabinClass;
import io.skymarshal.airline.CargoShipment;
import io.skymarshal.airline.ConnectionType;
import io.skymarshal.airline.CostParameters;
import io.skymarshal.airline.LoyaltyTier;
import io.skymarshal.airline.Passenger;
import io.skymarshal.airline.SpecialHandling;
import io.skymarshal.airline.TemperatureClass;
import io.skymarshal.dynamo.ItemMapper;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Hand-written mappers of passengers, bookings, cargo shipments and cost parameters. */
public final class CommercialMappers {
  private CommercialMappers() {}

  public static final ItemMapper<String, Passenger> PASSENGERS = new SingleKeyMapper<>(AirlineSchema.PASSENGER_ID) {
    @Override
    public Map<String, AttributeValue> toItem(Passenger p) {
      return item().s(AirlineSchema.PASSENGER_ID, p.id()).s("name", p.name()).s("tier", p.tier().name())
          .bool("vip", p.vip()).ss("special_needs", p.specialNeeds()).build();
    }

    @Override
    public Passenger fromItem(Map<String, AttributeValue> i) {
      return new Passenger(s(i, AirlineSchema.PASSENGER_ID), s(i, "name"), enumValue(i, "tier", LoyaltyTier.class),
          bool(i, "vip"), ss(i, "special_needs"));
    }
  };

  /** Bookings by reference; {@code flight_key} feeds the by-flight index. */
  public static final ItemMapper<String, Booking> BOOKINGS = new SingleKeyMapper<>(AirlineSchema.BOOKING_ID) {
    @Override
    public Map<String, AttributeValue> toItem(Booking b) {
      return item().s(AirlineSchema.BOOKING_ID, b.id()).s("passenger_id", b.passengerId())
          .s(AirlineSchema.FLIGHT_KEY, Attrs.flightKey(b.flight())).s("cabin", b.cabin().name())
          .s("connecting_flight", b.connectingFlight() == null ? null : Attrs.flightKey(b.connectingFlight()))
          .s("connection_type", b.connectionType() == null ? null : b.connectionType().name())
          .build();
    }

    @Override
    public Booking fromItem(Map<String, AttributeValue> i) {
      String connecting = optS(i, "connecting_flight");
      String type = optS(i, "connection_type");
      return new Booking(s(i, AirlineSchema.BOOKING_ID), s(i, "passenger_id"),
          Attrs.flightKey(s(i, AirlineSchema.FLIGHT_KEY)), enumValue(i, "cabin", CabinClass.class),
          connecting == null ? null : Attrs.flightKey(connecting), type == null ? null : ConnectionType.valueOf(type));
    }
  };

  /** Cargo shipments by air waybill; {@code flight_key} feeds the by-flight index. */
  public static final ItemMapper<String, CargoShipment> CARGO = new SingleKeyMapper<>(AirlineSchema.AWB) {
    @Override
    public Map<String, AttributeValue> toItem(CargoShipment c) {
      return item().s(AirlineSchema.AWB, c.awb()).s(AirlineSchema.FLIGHT_KEY, Attrs.flightKey(c.flight()))
          .s("commodity", c.commodity()).n("weight_kg", c.weightKg()).ss("special_handling", c.specialHandling())
          .s("temperature", c.temperature().name()).decimal("declared_value_usd", c.declaredValueUsd()).build();
    }

    @Override
    public CargoShipment fromItem(Map<String, AttributeValue> i) {
      return new CargoShipment(s(i, AirlineSchema.AWB), Attrs.flightKey(s(i, AirlineSchema.FLIGHT_KEY)),
          s(i, "commodity"), n(i, "weight_kg").doubleValue(), enumSet(i, "special_handling", SpecialHandling.class),
          enumValue(i, "temperature", TemperatureClass.class), Attrs.decimal(i, "declared_value_usd"));
    }
  };

  public static final ItemMapper<String, CostParameters> COST_PARAMETERS = new SingleKeyMapper<>(AirlineSchema.ID) {
    @Override
    public Map<String, AttributeValue> toItem(CostParameters c) {
      return item().s(AirlineSchema.ID, c.id()).decimal("delay_cost_per_minute", c.delayCostPerMinute())
          .decimal("passenger_care_per_hour", c.passengerCarePerHour()).decimal("hotel_per_passenger", c.hotelPerPassenger())
          .decimal("reprotection_per_passenger", c.reprotectionPerPassenger())
          .decimal("cancellation_fixed", c.cancellationFixed()).decimal("aircraft_swap_fixed", c.aircraftSwapFixed())
          .decimal("reserve_crew_call_out", c.reserveCrewCallOut()).decimal("cargo_offload_per_kg", c.cargoOffloadPerKg())
          .decimal("usd_per_eur", c.usdPerEur()).build();
    }

    @Override
    public CostParameters fromItem(Map<String, AttributeValue> i) {
      return new CostParameters(s(i, AirlineSchema.ID), Attrs.decimal(i, "delay_cost_per_minute"), Attrs.decimal(i, "passenger_care_per_hour"),
          Attrs.decimal(i, "hotel_per_passenger"), Attrs.decimal(i, "reprotection_per_passenger"), Attrs.decimal(i, "cancellation_fixed"),
          Attrs.decimal(i, "aircraft_swap_fixed"), Attrs.decimal(i, "reserve_crew_call_out"), Attrs.decimal(i, "cargo_offload_per_kg"),
          Attrs.decimal(i, "usd_per_eur"));
    }
  };
}
