package io.skymarshal.testkit.casebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skymarshal.airline.Aircraft;
import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.Airport;
import io.skymarshal.airline.CrewPosition;
import io.skymarshal.airline.CrewRoster;
import io.skymarshal.airline.Flight;
import io.skymarshal.airline.FlightKey;
import io.skymarshal.airline.LocalTimeWindow;
import io.skymarshal.airline.MelCategory;
import io.skymarshal.airline.MelItem;
import io.skymarshal.airline.ReserveCrew;
import io.skymarshal.airline.RosterEntry;
import io.skymarshal.airline.WorkOrder;
import io.skymarshal.testkit.airline.AirlineSamples;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each op of the patch language changes what it says and nothing it should not; a patch that does not apply says why. */
class CasebookPatchTest {
  private static final AirlineDataset SAMPLE = AirlineSamples.ey123Airline();
  private static final FlightKey EY123 = AirlineSamples.EY123;

  private static Flight flight(AirlineDataset d, String key) {
    return d.flights().stream().filter(f -> f.key().toString().equals(key)).findFirst().orElseThrow();
  }

  private static CrewRoster roster(AirlineDataset d, String key) {
    return d.rosters().stream().filter(r -> r.flight().toString().equals(key)).findFirst().orElseThrow();
  }

  private static Aircraft aircraft(AirlineDataset d, String reg) {
    return d.aircraft().stream().filter(a -> a.registration().equals(reg)).findFirst().orElseThrow();
  }

  private static Airport airport(AirlineDataset d, String iata) {
    return d.airports().stream().filter(a -> a.iata().equals(iata)).findFirst().orElseThrow();
  }

  @Test
  void remove_deletesTheRecordByItsTableKey_andFailsForAnAbsentKey() {
    AirlineDataset d = new AirlinePatch.Remove("rosters", "EY123/2026-01-30").applyTo(SAMPLE);
    assertThat(d.rosters()).hasSize(SAMPLE.rosters().size() - 1).noneMatch(r -> r.flight().equals(EY123));
    assertThat(new AirlinePatch.Remove("bookings", "EY123/2026-01-30").applyTo(SAMPLE).bookings())
        .noneMatch(b -> b.flight().equals(EY123)).isNotEmpty();
    assertThat(new AirlinePatch.Remove("reserve_crew", "AUH").applyTo(SAMPLE).reserveCrews())
        .extracting(ReserveCrew::base).containsExactly("LHR");
    assertThatThrownBy(() -> new AirlinePatch.Remove("aircraft", "A6-ZZZ").applyTo(SAMPLE))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("no aircraft A6-ZZZ in the airline");
    assertThatThrownBy(() -> new AirlinePatch.Remove("rotations", "x")).hasMessageContaining("not one of");
  }

  @Test
  void changeFlight_toAnotherDate_movesTheFlightItsRosterBookingsAndCargo() {
    Instant dep = Instant.parse("2026-03-30T15:00:00Z");
    AirlineDataset d = new AirlinePatch.ChangeFlight(EY123, dep, Instant.parse("2026-03-30T19:30:00Z"), null, null,
        null, null).applyTo(SAMPLE);
    assertThat(d.flights()).noneMatch(f -> f.key().equals(EY123));
    Flight moved = flight(d, "EY123/2026-03-30");
    assertThat(moved.scheduledDeparture()).isEqualTo(dep);
    assertThat(moved.estimatedDeparture()).isEqualTo(dep);
    assertThat(moved.aircraftRegistration()).isEqualTo("A6-APA");
    RosterEntry captain = roster(d, "EY123/2026-03-30").entries().get(0);
    RosterEntry before = roster(SAMPLE, "EY123/2026-01-30").entries().get(0);
    Duration shift = Duration.between(Instant.parse("2026-01-30T14:00:00Z"), dep);
    assertThat(captain.dutyStart()).isEqualTo(before.dutyStart().plus(shift));
    assertThat(captain.plannedDutyEnd()).isEqualTo(before.plannedDutyEnd().plus(shift));
    long onOld = SAMPLE.bookings().stream().filter(b -> b.flight().equals(EY123)).count();
    assertThat(d.bookings().stream().filter(b -> b.flight().equals(moved.key())).count()).isEqualTo(onOld);
    assertThat(d.bookings()).noneMatch(b -> EY123.equals(b.flight()) || EY123.equals(b.connectingFlight()));
    assertThat(d.cargo()).noneMatch(c -> c.flight().equals(EY123)).anyMatch(c -> c.flight().equals(moved.key()));
  }

  @Test
  void changeFlight_newDepartureOnly_keepsTheBlockTime_andANewDestinationMustBeKnown() {
    AirlineDataset d = new AirlinePatch.ChangeFlight(EY123, Instant.parse("2026-01-30T16:00:00Z"), null, null, null,
        null, null).applyTo(SAMPLE);
    assertThat(flight(d, "EY123/2026-01-30").scheduledArrival()).isEqualTo(Instant.parse("2026-01-30T20:30:00Z"));
    AirlinePatch toFra = new AirlinePatch.ChangeFlight(EY123, null, null, null, "FRA", null, null);
    assertThatThrownBy(() -> toFra.applyTo(SAMPLE)).hasMessageContaining("airport FRA is not one of the airline's");
    AirlineDataset withFra = toFra.applyTo(new AirlinePatch.PutAirport("FRA", null, null, null, null, false, null, null)
        .applyTo(SAMPLE));
    assertThat(flight(withFra, "EY123/2026-01-30").destination()).isEqualTo("FRA");
  }

  @Test
  void putAirport_startsFromTheAirlineOrTheCatalog_andChangesWhatItNames() {
    AirlineDataset d = new AirlinePatch.PutAirport("AUH", null, null, null, null, false, null, true).applyTo(SAMPLE);
    assertThat(airport(d, "AUH").slotCoordinated()).isTrue();
    assertThat(airport(d, "AUH").zone()).isEqualTo(ZoneId.of("Asia/Dubai"));
    assertThat(d.airports()).hasSameSizeAs(SAMPLE.airports());
    AirlineDataset syd = new AirlinePatch.PutAirport("SYD", null, null, null, null, false, null, null).applyTo(SAMPLE);
    assertThat(airport(syd, "SYD").curfew()).isEqualTo(LocalTimeWindow.parse("23:00", "06:00"));
    AirlineDataset noCurfew = new AirlinePatch.PutAirport("LHR", null, null, null, null, true, null, null)
        .applyTo(SAMPLE);
    assertThat(airport(noCurfew, "LHR").curfew()).isNull();
    assertThatThrownBy(() -> new AirlinePatch.PutAirport("XYZ", null, null, null, null, false, null, null)
        .applyTo(SAMPLE)).hasMessageContaining("zone is required");
    AirlineDataset xyz = new AirlinePatch.PutAirport("XYZ", "Test", ZoneId.of("Europe/Paris"), 1.0, 2.0, true,
        LocalTimeWindow.parse("22:00", "06:00"), false).applyTo(SAMPLE);
    assertThat(airport(xyz, "XYZ").curfew()).hasToString("22:00-06:00");
  }

  @Test
  void melItemsAndWorkOrders_areAddedAndClosed() {
    MelItem item = MelItem.of("MEL-1", MelCategory.B, "test", Instant.parse("2026-01-26T08:00:00Z"));
    WorkOrder wo = new WorkOrder("WO-1", "test", Instant.parse("2026-01-30T12:00:00Z"), Duration.ofHours(4), true);
    AirlineDataset d = new AirlinePatch.AddWorkOrder("A6-APA", wo).applyTo(
        new AirlinePatch.AddMelItem("A6-APA", item).applyTo(SAMPLE));
    assertThat(aircraft(d, "A6-APA").openMelItems()).contains(item).hasSize(3);
    assertThat(aircraft(d, "A6-APA").openWorkOrders()).contains(wo).hasSize(2);
    assertThatThrownBy(() -> new AirlinePatch.AddMelItem("A6-APA", item).applyTo(d)).hasMessageContaining("already");
    AirlineDataset closed = new AirlinePatch.CloseWorkOrder("A6-APA", "WO-778812").applyTo(
        new AirlinePatch.CloseMelItem("A6-APA", "MEL-29-0012").applyTo(d));
    assertThat(aircraft(closed, "A6-APA").openMelItems()).extracting(MelItem::id).containsExactly("MEL-23-0007", "MEL-1");
    assertThat(aircraft(closed, "A6-APA").openWorkOrders()).containsExactly(wo);
    assertThatThrownBy(() -> new AirlinePatch.CloseMelItem("A6-APB", "MEL-29-0012").applyTo(SAMPLE))
        .hasMessage("no open MEL item MEL-29-0012 of A6-APB in the airline");
    assertThatThrownBy(() -> new AirlinePatch.AddMelItem("A6-ZZZ", item).applyTo(SAMPLE))
        .hasMessageContaining("no aircraft A6-ZZZ");
  }

  @Test
  void addAircraft_addsASpare_butNotOverAnExistingOne() {
    Aircraft spare = new Aircraft("A6-APC", "A380", "AUH", 615, List.of(), List.of());
    assertThat(new AirlinePatch.AddAircraft(spare).applyTo(SAMPLE).aircraft()).contains(spare);
    assertThatThrownBy(() -> new AirlinePatch.AddAircraft(new Aircraft("A6-APB", "A380", "AUH", 615, List.of(),
        List.of())).applyTo(SAMPLE)).hasMessageContaining("already has aircraft A6-APB");
  }

  @Test
  void reserves_areAddedWithANewCrewMember_andRemoved() {
    Instant from = Instant.parse("2026-01-30T06:00:00Z");
    Instant until = Instant.parse("2026-01-31T06:00:00Z");
    AirlineDataset d = new AirlinePatch.AddReserve("AUH", "C99001", CrewPosition.CAPTAIN, Set.of("B789"), from, until)
        .applyTo(SAMPLE);
    assertThat(d.crewMembers()).anyMatch(c -> c.id().equals("C99001") && c.qualifications().equals(Set.of("B789")));
    assertThat(d.reserveCrews().get(0).available()).anyMatch(a -> a.crewId().equals("C99001") && a.from().equals(from));
    assertThatThrownBy(() -> new AirlinePatch.AddReserve("AUH", "C90001", CrewPosition.CAPTAIN, Set.of("A380"), from,
        until).applyTo(SAMPLE)).hasMessageContaining("C90001 exists");
    AirlineDataset known = new AirlinePatch.AddReserve("LHR", "C90001", null, null, from, until).applyTo(SAMPLE);
    assertThat(known.reserveCrews().get(1).available()).anyMatch(a -> a.crewId().equals("C90001"));
    AirlineDataset removed = new AirlinePatch.RemoveReserve("AUH", "C90055").applyTo(SAMPLE);
    assertThat(removed.reserveCrews().get(0).available()).noneMatch(a -> a.crewId().equals("C90055"))
        .hasSize(SAMPLE.reserveCrews().get(0).available().size() - 1);
    assertThatThrownBy(() -> new AirlinePatch.RemoveReserve("AUH", "C90001").applyTo(SAMPLE))
        .hasMessageContaining("C90001 is not on reserve at AUH");
  }

  @Test
  void setDutyStart_movesOnlyTheNamedCrew() {
    Instant early = Instant.parse("2026-01-30T06:00:00Z");
    AirlineDataset d = new AirlinePatch.SetDutyStart(EY123, List.of("C90001", "C90002"), early).applyTo(SAMPLE);
    List<RosterEntry> entries = roster(d, "EY123/2026-01-30").entries();
    assertThat(entries.get(0).dutyStart()).isEqualTo(early);
    assertThat(entries.get(1).dutyStart()).isEqualTo(early);
    assertThat(entries.get(2)).isEqualTo(roster(SAMPLE, "EY123/2026-01-30").entries().get(2));
    assertThatThrownBy(() -> new AirlinePatch.SetDutyStart(EY123, List.of("C90055"), early).applyTo(SAMPLE))
        .hasMessageContaining("[C90055] not rostered on EY123/2026-01-30");
  }
}
