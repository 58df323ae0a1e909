package io.skymarshal.dynamo.internal;

import static io.skymarshal.dynamo.internal.Attrs.enumValue;
import static io.skymarshal.dynamo.internal.Attrs.instant;
import static io.skymarshal.dynamo.internal.Attrs.item;
import static io.skymarshal.dynamo.internal.Attrs.list;
import static io.skymarshal.dynamo.internal.Attrs.s;
import static io.skymarshal.dynamo.internal.Attrs.ss;

import io.skymarshal.airline.CrewMember;
import io.skymarshal.airline.CrewPosition;
import io.skymarshal.airline.FlightKey;
import io.skymarshal.airline.ReserveAvailability;
import io.skymarshal.airline.ReserveCrew;
import io.skymarshal.airline.RosterEntry;
import io.skymarshal.dynamo.ItemMapper;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Hand-written mappers of crew members, roster rows and reserve crew. */
public final class CrewMappers {
  private CrewMappers() {}

  public static final ItemMapper<String, CrewMember> CREW_MEMBERS = new SingleKeyMapper<>(AirlineSchema.CREW_ID) {
    @Override
    public Map<String, AttributeValue> toItem(CrewMember c) {
      return item().s(AirlineSchema.CREW_ID, c.id()).s("name", c.name()).s("position", c.position().name())
          .s("base", c.base()).ss("qualifications", c.qualifications()).build();
    }

    @Override
    public CrewMember fromItem(Map<String, AttributeValue> i) {
      return new CrewMember(s(i, AirlineSchema.CREW_ID), s(i, "name"), enumValue(i, "position", CrewPosition.class),
          s(i, "base"), ss(i, "qualifications"));
    }
  };

  public static final ItemMapper<String, ReserveCrew> RESERVE_CREW = new SingleKeyMapper<>(AirlineSchema.BASE) {
    @Override
    public Map<String, AttributeValue> toItem(ReserveCrew r) {
      return item().s(AirlineSchema.BASE, r.base())
          .list("available", r.available(), a -> item().s("crew_id", a.crewId()).s("from", a.from())
              .s("until", a.until()).build())
          .build();
    }

    @Override
    public ReserveCrew fromItem(Map<String, AttributeValue> i) {
      return new ReserveCrew(s(i, AirlineSchema.BASE), list(i, "available",
          a -> new ReserveAvailability(s(a, "crew_id"), instant(a, "from"), instant(a, "until"))));
    }
  };

  /** One roster row: a crew member's duty on a flight, keyed by crew id and flight, {@code seq}-th on the roster. */
  public static Map<String, AttributeValue> rosterRow(FlightKey flight, int seq, RosterEntry e) {
    return item().s(AirlineSchema.CREW_ID, e.crewId()).s(AirlineSchema.FLIGHT_KEY, Attrs.flightKey(flight))
        .n(AirlineSchema.SEQ, seq).s("position", e.position().name()).s("duty_start", e.dutyStart())
        .s("planned_duty_end", e.plannedDutyEnd()).build();
  }

  public static RosterEntry rosterEntry(Map<String, AttributeValue> i) {
    return new RosterEntry(s(i, AirlineSchema.CREW_ID), enumValue(i, "position", CrewPosition.class),
        instant(i, "duty_start"), instant(i, "planned_duty_end"));
  }
}
