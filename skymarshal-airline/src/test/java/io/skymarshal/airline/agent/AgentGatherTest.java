package io.skymarshal.airline.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.airline.AirlineTables;
import io.skymarshal.core.AgentSpec;
import io.skymarshal.core.Disruption;
import io.skymarshal.data.Table;
import io.skymarshal.prompt.XmlElement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every agent reads each table it needs with one batched call, and says what it could not read. */
class AgentGatherTest {
  private static final Disruption D = SampleAirline.disruption();

  private static XmlElement gather(String agent, CountingData data) {
    AgentSpec<?> spec = AirlineAgents.all().stream().filter(a -> a.name().equals(agent)).findFirst().orElseThrow();
    return ((AgentInput) spec.gather(D, data.access())).data();
  }

  private static void assertOneCallEach(CountingData data, Table<?, ?>... tables) {
    for (Table<?, ?> t : AirlineTables.ALL) {
      int expected = List.of(tables).contains(t) ? 1 : 0;
      assertThat(data.calls(t)).as(t.name()).hasSize(expected);
    }
  }

  @Test
  void crewCompliance_readsFlightRosterReserveThenAllCrewInOneBatch() {
    CountingData data = new CountingData(SampleAirline.dataset().build());

    XmlElement out = gather("crew_compliance", data);

    assertOneCallEach(data, AirlineTables.FLIGHTS, AirlineTables.ROSTERS, AirlineTables.RESERVE_CREW,
        AirlineTables.CREW_MEMBERS);
    assertThat(data.calls(AirlineTables.CREW_MEMBERS).get(0)).hasSize(22);
    assertThat(out.child("roster").children("m")).hasSize(18);
    assertThat(out.child("roster").attributes()).containsEntry("pilots", "2").containsEntry("start", "2026-01-30T12:30Z");
    assertThat(out.child("reserve").children("r")).hasSize(4);
  }

  @Test
  void guestExperience_readsSixHundredPassengersInOneCallOfSevenRequests() {
    CountingData data = new CountingData(SampleAirline.dataset().build());

    XmlElement out = gather("guest_experience", data);

    assertOneCallEach(data, AirlineTables.BOOKINGS, AirlineTables.PASSENGERS, AirlineTables.FLIGHTS,
        AirlineTables.AIRPORTS);
    assertThat(data.calls(AirlineTables.PASSENGERS).get(0)).hasSize(615);
    assertThat(data.requests(AirlineTables.PASSENGERS)).isEqualTo(7);
    assertThat(out.child("pax").attributes()).containsEntry("n", "615").containsEntry("vip", "12")
        .containsEntry("first", "9").containsEntry("ssr", "WCHR:7");
    assertThat(out.children("conn")).extracting(c -> c.attr("no") + "/" + c.attr("type") + "/" + c.attr("n") + "/"
        + c.attr("mct")).containsExactly("EY061/SAME_TERMINAL/50/60", "EY071/TERMINAL_CHANGE/37/90");
    assertThat(out.child("route").attributes()).containsEntry("eur", "600");
  }

  @Test
  void network_readsRotationAndBookingsThenAllFlightsInOneBatch() {
    CountingData data = new CountingData(SampleAirline.dataset().build());

    XmlElement out = gather("network", data);

    assertOneCallEach(data, AirlineTables.ROTATIONS, AirlineTables.BOOKINGS, AirlineTables.FLIGHTS);
    assertThat(data.calls(AirlineTables.FLIGHTS).get(0)).hasSize(4);
    assertThat(out.child("rot").children("leg")).extracting(l -> l.attr("no")).containsExactly("EY123", "EY124");
    assertThat(out.children("conn")).extracting(c -> c.attr("pax")).containsExactly("50", "37");
  }

  @Test
  void maintenanceRegulatoryCargoFinance_readOneBatchPerTable() {
    CountingData m = new CountingData(SampleAirline.dataset().build());
    assertThat(gather("maintenance", m).child("ac").child("mel").attr("due")).isEqualTo("2026-02-05T08:00Z");
    assertOneCallEach(m, AirlineTables.FLIGHTS, AirlineTables.AIRCRAFT);

    CountingData r = new CountingData(SampleAirline.dataset().build());
    assertThat(gather("regulatory", r).child("delayed").attributes()).containsEntry("arrL", "21:30")
        .containsEntry("depL", "21:00");
    assertOneCallEach(r, AirlineTables.FLIGHTS, AirlineTables.AIRPORTS);

    CountingData c = new CountingData(SampleAirline.dataset().build());
    assertThat(gather("cargo", c).children("ship")).hasSize(15);
    assertOneCallEach(c, AirlineTables.CARGO);

    CountingData f = new CountingData(SampleAirline.dataset().build());
    assertThat(gather("finance", f).child("cost").attr("delayMin")).isEqualTo("101");
    assertOneCallEach(f, AirlineTables.COST_PARAMETERS, AirlineTables.AIRPORTS, AirlineTables.BOOKINGS);
  }

  @Test
  void maintenance_whenTheDisruptionNamesNoAircraft_findsItInTheSchedule() {
    var f = D.flight();
    Disruption noReg = D.toBuilder().flight(new io.skymarshal.core.FlightRef(f.flightNumber(), f.origin(),
        f.destination(), f.scheduledDeparture(), f.scheduledArrival(), f.aircraftType(), null)).build();
    CountingData data = new CountingData(SampleAirline.dataset().build());
    AgentSpec<?> mx = AirlineAgents.all().get(1);

    XmlElement out = ((AgentInput) mx.gather(noReg, data.access())).data();

    assertThat(out.child("ac").attr("reg")).isEqualTo("A6-APA");
    assertOneCallEach(data, AirlineTables.FLIGHTS, AirlineTables.AIRCRAFT);
  }

  @Test
  void gather_whenKeysAreLeftUnprocessed_notesThemInTheData() {
    CountingData data = new CountingData(SampleAirline.dataset().build(),
        k -> k.equals("P0001") || k.equals("P0002") || k.equals("C005"));

    XmlElement guest = gather("guest_experience", data);
    XmlElement crew = gather("crew_compliance", data);

    assertThat(guest.child("unread").attributes()).containsExactly(Map.entry("t", "passengers"),
        Map.entry("keys", "P0001,P0002"), Map.entry("why", "throttled"));
    assertThat(crew.child("unread").attr("keys")).isEqualTo("C005");
    assertThat(guest.child("pax").attr("n")).isEqualTo("615");
  }

  @Test
  void gather_whenKeysDoNotExist_notesThem() {
    var base = SampleAirline.dataset().build();
    var noCost = new io.skymarshal.airline.AirlineDataset(base.airports(), base.flights(), base.aircraft(),
        base.crewMembers(), base.rosters(), base.reserveCrews(), base.passengers(), base.bookings(), base.cargo(),
        List.of());

    XmlElement out = gather("finance", new CountingData(noCost));

    assertThat(out.child("notfound").attributes()).containsEntry("t", "cost_parameters").containsEntry("keys", "default");
    assertThat(out.child("cost")).isNull();
  }
}
