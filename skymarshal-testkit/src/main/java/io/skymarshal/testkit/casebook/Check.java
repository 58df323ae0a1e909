package io.skymarshal.testkit.casebook;

import io.skymarshal.airline.Airport;
import io.skymarshal.airline.CrewRoster;
import io.skymarshal.airline.LocalTimeWindow;
import io.skymarshal.airline.RosterEntry;
import io.skymarshal.core.ActionPlan;
import io.skymarshal.core.Clearance;
import io.skymarshal.core.Decision;
import io.skymarshal.core.HaltReason;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One allowed-outcome check of a scenario: a typed statement about a {@link Decision} that
 * {@link #failure} shows to hold or not. Checks about the plan ("if the flight operates, ...")
 * hold trivially when there is no ruling or the flight does not operate; combine them with
 * {@link StatusIn} to say whether a decision is expected at all. Immutable.
 */
public sealed interface Check {

  /** The {@code check} name of this check in a scenario file. */
  String code();

  /** What this check requires, one line. */
  String describe();

  /** Why {@code decision} breaks this check, one line; empty when it holds. */
  Optional<String> failure(Decision decision, CaseContext context);

  /**
   * Whether this check can be evaluated on {@code context} at all (an airport it names exists and has
   * a curfew, a crew member it names is on the roster).
   *
   * @throws IllegalArgumentException saying what is missing
   */
  default void validate(CaseContext context) {}

  /** {@code status}: the decision's status is one of {@code anyOf}. */
  record StatusIn(Set<Decision.Status> anyOf) implements Check {
    public StatusIn {
      anyOf = nonEmpty(anyOf, "anyOf");
    }

    @Override public String code() { return "status"; }

    @Override public String describe() { return "status in " + new TreeSet<>(anyOf); }

    @Override
    public Optional<String> failure(Decision d, CaseContext c) {
      if (anyOf.contains(d.status())) {
        return Optional.empty();
      }
      return Optional.of("status is " + d.status() + (d.haltReason() == null ? " (" + d.action() + ")"
          : " (" + d.haltReason() + ")") + ", expected one of " + new TreeSet<>(anyOf));
    }
  }

  /** {@code action}: when there is a ruling, its action is one of {@code anyOf}. */
  record ActionIn(Set<String> anyOf) implements Check {
    public ActionIn {
      anyOf = nonEmpty(anyOf, "anyOf");
    }

    @Override public String code() { return "action"; }

    @Override public String describe() { return "a ruling's action in " + new TreeSet<>(anyOf); }

    @Override
    public Optional<String> failure(Decision d, CaseContext c) {
      return d.ruling().isEmpty() || anyOf.contains(d.action()) ? Optional.empty()
          : Optional.of("action is " + d.action() + ", expected one of " + new TreeSet<>(anyOf));
    }
  }

  /**
   * {@code delay_at_least}: a ruling to DELAY, the flight departing at least {@code minimum} after
   * the document's scheduled departure.
   */
  record DelayAtLeast(Duration minimum) implements Check {
    public DelayAtLeast {
      Objects.requireNonNull(minimum, "minimum");
    }

    @Override public String code() { return "delay_at_least"; }

    @Override public String describe() { return "DELAY of at least " + minimum.toMinutes() + " min"; }

    @Override
    public Optional<String> failure(Decision d, CaseContext c) {
      Optional<ActionPlan> plan = d.ruling().map(r -> r.plan());
      if (plan.isEmpty() || !"DELAY".equals(plan.get().action()) || !plan.get().operates()) {
        return Optional.of(d.status() + " " + d.action() + ", expected a DELAY of at least " + minimum.toMinutes()
            + " min");
      }
      Instant scheduled = c.disruption().flight().scheduledDeparture();
      Instant departure = plan.get().departure();
      if (departure.isBefore(scheduled.plus(minimum))) {
        return Optional.of("departs " + departure + ", " + Duration.between(scheduled, departure).toMinutes()
            + " min after the scheduled " + scheduled + "; expected at least " + minimum.toMinutes() + " min");
      }
      return Optional.empty();
    }
  }

  /** {@code not_cancelled}: a ruling, if any, keeps the flight operating. */
  record NotCancelled() implements Check {
    @Override public String code() { return "not_cancelled"; }

    @Override public String describe() { return "not cancelled"; }

    @Override
    public Optional<String> failure(Decision d, CaseContext c) {
      return d.ruling().filter(r -> !r.plan().operates())
          .map(r -> "the flight does not operate (" + r.plan().action() + ": " + r.plan().summary() + ")");
    }
  }

  /**
   * {@code aircraft_not_operated}: the plan does not operate {@code registration} before
   * {@code before}, or at all when {@code before} is null.
   */
  record AircraftNotOperated(String registration, Instant before) implements Check {
    public AircraftNotOperated {
      Objects.requireNonNull(registration, "registration");
    }

    @Override public String code() { return "aircraft_not_operated"; }

    @Override
    public String describe() {
      return "does not operate " + registration + (before == null ? " at all" : " before " + before);
    }

    @Override
    public Optional<String> failure(Decision d, CaseContext c) {
      return operating(d).filter(p -> registration.equals(p.aircraftRegistration()))
          .filter(p -> before == null || p.departure().isBefore(before))
          .map(p -> "operates " + registration + " departing " + p.departure()
              + (before == null ? ", which must not fly" : ", before " + before));
    }
  }

  /** {@code departs_not_before}: if the flight operates, it departs at or after {@code time}. */
  record DepartsNotBefore(Instant time) implements Check {
    public DepartsNotBefore {
      Objects.requireNonNull(time, "time");
    }

    @Override public String code() { return "departs_not_before"; }

    @Override public String describe() { return "if operating, departs at or after " + time; }

    @Override
    public Optional<String> failure(Decision d, CaseContext c) {
      return operating(d).filter(p -> p.departure().isBefore(time))
          .map(p -> "departs " + p.departure() + ", before " + time);
    }
  }

  /** {@code departs_by}: if the flight operates, it departs at or before {@code time} (a slot). */
  record DepartsBy(Instant time) implements Check {
    public DepartsBy {
      Objects.requireNonNull(time, "time");
    }

    @Override public String code() { return "departs_by"; }

    @Override public String describe() { return "if operating, departs by " + time; }

    @Override
    public Optional<String> failure(Decision d, CaseContext c) {
      return operating(d).filter(p -> p.departure().isAfter(time))
          .map(p -> "departs " + p.departure() + ", after " + time);
    }
  }

  /** {@code arrives_not_before}: if the flight operates, it arrives at or after {@code time}. */
  record ArrivesNotBefore(Instant time) implements Check {
    public ArrivesNotBefore {
      Objects.requireNonNull(time, "time");
    }

    @Override public String code() { return "arrives_not_before"; }

    @Override public String describe() { return "if operating, arrives at or after " + time; }

    @Override
    public Optional<String> failure(Decision d, CaseContext c) {
      return operating(d).filter(p -> p.arrival().isBefore(time))
          .map(p -> "arrives " + p.arrival() + ", before " + time);
    }
  }

  /** {@code aircraft_only}: if the flight operates, it is with one of {@code anyOf} (empty: with none). */
  record AircraftOnly(Set<String> anyOf) implements Check {
    public AircraftOnly {
      anyOf = Set.copyOf(anyOf);
    }

    @Override public String code() { return "aircraft_only"; }

    @Override
    public String describe() {
      return anyOf.isEmpty() ? "operates no aircraft" : "if operating, with one of " + new TreeSet<>(anyOf);
    }

    @Override
    public Optional<String> failure(Decision d, CaseContext c) {
      return operating(d).filter(p -> !anyOf.contains(p.aircraftRegistration()))
          .map(p -> "operates " + p.aircraftRegistration() + ", expected "
              + (anyOf.isEmpty() ? "no aircraft" : "one of " + new TreeSet<>(anyOf)));
    }
  }

  /**
   * {@code arrival_outside_curfew}: if the flight operates, its arrival, in local time at
   * {@code airport} (converted with the airport's zone in the data), is outside the airport's curfew
   * widened by {@code buffer} on both sides: with 15 min, 23:00-06:00 forbids 22:45 up to but
   * excluding 06:15.
   */
  record ArrivalOutsideCurfew(String airport, Duration buffer) implements Check {
    public ArrivalOutsideCurfew {
      Objects.requireNonNull(airport, "airport");
      Objects.requireNonNull(buffer, "buffer");
      if (buffer.isNegative() || buffer.compareTo(Duration.ofHours(6)) > 0) {
        throw new IllegalArgumentException("buffer must be in [0, 6 h] but was " + buffer);
      }
    }

    @Override public String code() { return "arrival_outside_curfew"; }

    @Override
    public String describe() {
      return "if operating, arrives outside the " + airport + " curfew (buffer " + buffer.toMinutes() + " min)";
    }

    @Override
    public void validate(CaseContext c) {
      Airport a = c.airport(airport).orElseThrow(() -> new IllegalArgumentException("airport " + airport
          + " is not in the scenario's airline data"));
      if (a.curfew() == null) {
        throw new IllegalArgumentException("airport " + airport + " has no curfew in the scenario's airline data");
      }
    }

    @Override
    public Optional<String> failure(Decision d, CaseContext c) {
      Optional<ActionPlan> plan = operating(d);
      if (plan.isEmpty()) {
        return Optional.empty();
      }
      Airport a = c.airport(airport).orElseThrow();
      Instant arrival = plan.get().arrival();
      LocalTime local = arrival.atZone(a.zone()).toLocalTime().truncatedTo(ChronoUnit.SECONDS);
      if (!inWidened(a.curfew(), local)) {
        return Optional.empty();
      }
      return Optional.of("arrives " + arrival + ", " + local + " local at " + airport + " (" + a.zone().getId()
          + "), inside the curfew " + a.curfew() + " widened by " + buffer.toMinutes() + " min");
    }

    // [from - buffer, to + buffer) on the 24-hour circle; computed here rather than with the
    // engine's Curfew constraint, so that the check does not share the code it checks.
    private boolean inWidened(LocalTimeWindow w, LocalTime t) {
      long day = 24 * 3600;
      long b = buffer.toSeconds();
      long start = w.from().toSecondOfDay() - b;
      long length = Math.floorMod(w.to().toSecondOfDay() - w.from().toSecondOfDay(), day) + 2 * b;
      return length >= day || Math.floorMod(t.toSecondOfDay() - start, day) < length;
    }
  }

  /**
   * {@code referred}: the run is REFERRED because a SAFETY agent did not clear the flight for
   * {@code reason}; by {@code agent} when that is not null.
   */
  record Referred(Clearance.Reason reason, String agent) implements Check {
    public Referred {
      Objects.requireNonNull(reason, "reason");
    }

    @Override public String code() { return "referred"; }

    @Override
    public String describe() {
      return "REFERRED for " + reason + (agent == null ? "" : " by " + agent);
    }

    @Override
    public Optional<String> failure(Decision d, CaseContext c) {
      if (d.status() != Decision.Status.REFERRED) {
        return Optional.of("status is " + d.status() + " (" + (d.haltReason() == null ? d.action() : d.haltReason())
            + "), expected " + describe());
      }
      HaltReason h = d.haltReason();
      Clearance clearance = h.clearance();
      if (clearance == null || clearance.reason() != reason || (agent != null && !agent.equals(h.agent()))) {
        return Optional.of("referred by " + h.agent() + " for " + (clearance == null ? h.kind() : clearance.reason())
            + " (" + h.detail() + "), expected " + describe());
      }
      return Optional.empty();
    }
  }

  /** {@code referral_reason}: if the run is REFERRED, the clearance's reason is one of {@code anyOf}. */
  record ReferralReason(Set<Clearance.Reason> anyOf) implements Check {
    public ReferralReason {
      anyOf = nonEmpty(anyOf, "anyOf");
    }

    @Override public String code() { return "referral_reason"; }

    @Override public String describe() { return "if REFERRED, for one of " + new TreeSet<>(anyOf); }

    @Override
    public Optional<String> failure(Decision d, CaseContext c) {
      if (d.status() != Decision.Status.REFERRED) {
        return Optional.empty();
      }
      Clearance clearance = d.haltReason().clearance();
      Clearance.Reason reason = clearance == null ? null : clearance.reason();
      return reason != null && anyOf.contains(reason) ? Optional.empty()
          : Optional.of("referred by " + d.haltReason().agent() + " for " + reason + " (" + d.haltReason().detail()
              + "), expected one of " + new TreeSet<>(anyOf));
    }
  }

  /**
   * {@code crew_not_flying}: if the flight operates, {@code crewId} (rostered on it) is not on
   * board: replaced, and not brought back as added crew.
   */
  record CrewNotFlying(String crewId) implements Check {
    public CrewNotFlying {
      Objects.requireNonNull(crewId, "crewId");
    }

    @Override public String code() { return "crew_not_flying"; }

    @Override public String describe() { return crewId + " does not fly"; }

    @Override
    public void validate(CaseContext c) {
      rosterEntry(c, crewId);
    }

    @Override
    public Optional<String> failure(Decision d, CaseContext c) {
      return operating(d).filter(p -> flies(p, crewId))
          .map(p -> crewId + " flies the plan (" + p.action() + ", departing " + p.departure() + "): not in"
              + " crewReplaced " + new TreeSet<>(p.crewReplaced()));
    }
  }

  /** {@code crew_added_only}: the plan brings on board only crew of {@code anyOf} (empty: none). */
  record CrewAddedOnly(Set<String> anyOf) implements Check {
    public CrewAddedOnly {
      anyOf = Set.copyOf(anyOf);
    }

    @Override public String code() { return "crew_added_only"; }

    @Override
    public String describe() {
      return anyOf.isEmpty() ? "adds no crew" : "adds crew only from " + new TreeSet<>(anyOf);
    }

    @Override
    public Optional<String> failure(Decision d, CaseContext c) {
      return operating(d).map(p -> {
        Set<String> wrong = new TreeSet<>(p.crewAdded());
        wrong.removeAll(anyOf);
        return wrong;
      }).filter(w -> !w.isEmpty()).map(w -> "adds crew " + w + ", expected " + describe());
    }
  }

  /**
   * {@code fdp_within}: each of {@code crew} (rostered on the flight) who flies the plan is released
   * within {@code limit} of their duty start: arrival plus {@code postFlight} minus duty start.
   */
  record FdpWithin(List<String> crew, Duration limit, Duration postFlight) implements Check {
    public FdpWithin {
      crew = List.copyOf(crew);
      if (crew.isEmpty()) {
        throw new IllegalArgumentException("crew must name at least one crew member");
      }
      Objects.requireNonNull(limit, "limit");
      Objects.requireNonNull(postFlight, "postFlight");
    }

    @Override public String code() { return "fdp_within"; }

    @Override
    public String describe() {
      return "duty of " + crew + " within " + limit.toMinutes() / 60.0 + " h (post-flight " + postFlight.toMinutes()
          + " min)";
    }

    @Override
    public void validate(CaseContext c) {
      crew.forEach(id -> rosterEntry(c, id));
    }

    @Override
    public Optional<String> failure(Decision d, CaseContext c) {
      Optional<ActionPlan> plan = operating(d);
      if (plan.isEmpty()) {
        return Optional.empty();
      }
      List<String> over = new ArrayList<>();
      for (String id : crew) {
        if (!flies(plan.get(), id)) {
          continue;
        }
        Instant start = rosterEntry(c, id).dutyStart();
        Duration duty = Duration.between(start, plan.get().arrival().plus(postFlight));
        if (duty.compareTo(limit) > 0) {
          over.add(id + " " + duty.toMinutes() + " min from " + start);
        }
      }
      return over.isEmpty() ? Optional.empty()
          : Optional.of("arrives " + plan.get().arrival() + " with crew past " + limit.toMinutes() + " min: " + over);
    }
  }

  private static Optional<ActionPlan> operating(Decision d) {
    return d.ruling().map(r -> r.plan()).filter(ActionPlan::operates);
  }

  // Checks name rostered crew: on board unless replaced, and on board again if added back.
  private static boolean flies(ActionPlan p, String crewId) {
    return p.crewAdded().contains(crewId) || !p.crewReplaced().contains(crewId);
  }

  private static RosterEntry rosterEntry(CaseContext c, String crewId) {
    CrewRoster roster = c.roster().orElseThrow(() -> new IllegalArgumentException("flight " + c.flightKey()
        + " has no roster in the scenario's airline data, so " + crewId + " is not rostered on it"));
    return roster.entries().stream().filter(e -> e.crewId().equals(crewId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(crewId + " is not rostered on " + c.flightKey()));
  }

  private static <T> Set<T> nonEmpty(Set<T> set, String name) {
    Set<T> copy = Set.copyOf(set);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    return copy;
  }
}
