package io.skymarshal.testkit.casebook;

import io.skymarshal.airline.Aircraft;
import io.skymarshal.airline.CrewPosition;
import io.skymarshal.airline.FlightKey;
import io.skymarshal.airline.LocalTimeWindow;
import io.skymarshal.airline.MelCategory;
import io.skymarshal.airline.MelItem;
import io.skymarshal.airline.WorkOrder;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** Reads one entry of a scenario file's {@code airline} array into an {@link AirlinePatch}. */
final class PatchReader {
  /** Every {@code op}, in the order CASEBOOK.md lists them. */
  static final List<String> OPS = List.of("remove", "change_flight", "put_airport", "add_mel_item", "add_work_order",
      "close_mel_item", "close_work_order", "add_aircraft", "add_reserve", "remove_reserve", "set_duty_start");

  private PatchReader() {}

  static AirlinePatch read(JsonFields f) {
    String op = f.text("op");
    AirlinePatch patch;
    try {
      patch = switch (op) {
        case "remove" -> new AirlinePatch.Remove(f.text("table"), f.text("key"));
        case "change_flight" -> new AirlinePatch.ChangeFlight(flightKey(f, "flight"),
            f.optionalInstant("departure").orElse(null), f.optionalInstant("arrival").orElse(null),
            f.optionalText("origin").orElse(null), f.optionalText("destination").orElse(null),
            f.optionalText("aircraft_registration").orElse(null), f.optionalText("aircraft_type").orElse(null));
        case "put_airport" -> putAirport(f);
        case "add_mel_item" -> new AirlinePatch.AddMelItem(f.text("aircraft"), new MelItem(f.text("id"),
            f.constant("category", MelCategory.class), f.text("description"), f.instant("raised"),
            f.optionalInteger("interval_hours", 1, 24 * 365).map(Duration::ofHours).orElse(null),
            f.optionalText("restriction").orElse("")));
        case "add_work_order" -> new AirlinePatch.AddWorkOrder(f.text("aircraft"), new WorkOrder(f.text("id"),
            f.text("description"), f.instant("due"), Duration.ofMinutes(f.integer("duration_minutes", 1, 60 * 24 * 30)),
            f.optionalBoolean("grounds_aircraft").orElse(false)));
        case "close_mel_item" -> new AirlinePatch.CloseMelItem(f.text("aircraft"), f.text("id"));
        case "close_work_order" -> new AirlinePatch.CloseWorkOrder(f.text("aircraft"), f.text("id"));
        case "add_aircraft" -> new AirlinePatch.AddAircraft(new Aircraft(f.text("registration"), f.text("type"),
            f.text("base"), (int) f.integer("seats", 1, 1000), List.of(), List.of()));
        case "add_reserve" -> new AirlinePatch.AddReserve(f.text("base"), f.text("crew_id"),
            f.optionalText("position").map(s -> f.constant("position", s, CrewPosition.class)).orElse(null),
            f.has("qualifications") ? Set.copyOf(f.texts("qualifications", true)) : null,
            f.instant("from"), f.instant("until"));
        case "remove_reserve" -> new AirlinePatch.RemoveReserve(f.text("base"), f.text("crew_id"));
        case "set_duty_start" -> new AirlinePatch.SetDutyStart(flightKey(f, "flight"), f.texts("crew", false),
            f.instant("duty_start"));
        default -> throw f.error("op", "'" + op + "' is not one of " + OPS);
      };
    } catch (IllegalArgumentException e) {
      throw new CasebookFormatException(f.source(), f.pathOf("op"), op + ": " + e.getMessage(), e);
    }
    f.done();
    return patch;
  }

  private static AirlinePatch.PutAirport putAirport(JsonFields f) {
    String iata = f.text("iata");
    ZoneId zone = f.optionalText("zone").map(z -> {
      try {
        return ZoneId.of(z);
      } catch (DateTimeException e) {
        throw f.error("zone", "'" + z + "' is not an IANA time zone such as Europe/London");
      }
    }).orElse(null);
    boolean curfewGiven = f.has("curfew");
    LocalTimeWindow curfew = f.optionalText("curfew").map(c -> {
      String[] ends = c.split("-");
      try {
        if (ends.length != 2) {
          throw new IllegalArgumentException("two ends");
        }
        return LocalTimeWindow.parse(ends[0].strip(), ends[1].strip());
      } catch (IllegalArgumentException | DateTimeException e) {
        throw f.error("curfew", "'" + c + "' is not a local window HH:mm-HH:mm such as 23:00-06:00");
      }
    }).orElse(null);
    return new AirlinePatch.PutAirport(iata, f.optionalText("name").orElse(null), zone,
        f.optionalNumber("latitude", -90, 90).orElse(null), f.optionalNumber("longitude", -180, 180).orElse(null),
        curfewGiven, curfew, f.optionalBoolean("slot_coordinated").orElse(null));
  }

  private static FlightKey flightKey(JsonFields f, String name) {
    String k = f.text(name);
    int slash = k.indexOf('/');
    try {
      if (slash < 0) {
        throw new IllegalArgumentException("no '/'");
      }
      return new FlightKey(k.substring(0, slash), LocalDate.parse(k.substring(slash + 1)));
    } catch (IllegalArgumentException | DateTimeException e) {
      throw f.error(name, "'" + k + "' is not a flight key NUMBER/DATE such as EY123/2026-01-30");
    }
  }
}
