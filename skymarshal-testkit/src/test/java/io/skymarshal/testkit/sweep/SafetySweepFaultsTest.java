package io.skymarshal.testkit.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skymarshal.airline.Flight;
import io.skymarshal.airline.agent.AirlineAgents;
import io.skymarshal.core.ActionPlan;
import io.skymarshal.core.AgentSpec;
import io.skymarshal.core.Phase;
import io.skymarshal.core.ReplyFormatException;
import io.skymarshal.core.Ruling;
import io.skymarshal.core.Tier;
import io.skymarshal.model.Message;
import io.skymarshal.model.ModelClient;
import io.skymarshal.model.ModelException;
import io.skymarshal.model.ModelReply;
import io.skymarshal.model.ModelRequest;
import io.skymarshal.model.ModelRouting;
import io.skymarshal.model.TokenUsage;
import io.skymarshal.testkit.sweep.FaultInjectingModel.Fault;
import io.skymarshal.testkit.sweep.FaultInjectingModel.Injection;
import io.skymarshal.testkit.sweep.FaultInjectingModel.Rates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class SafetySweepFaultsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Flight F = SweepWorld.flight();
  private static final String GOOD_AGENT = "{\"action\":\"AIRWORTHY\",\"confidence\":0.9,\"constraints\":[],"
      + "\"reasoning\":\"fine\"}";
  private static final String CANCEL = "{\"action\":\"CANCEL\",\"operates\":false,\"crewReplaced\":[],"
      + "\"confidence\":0.8,\"summary\":\"cancel\",\"rationale\":\"safest\",\"conflictsResolved\":[],"
      + "\"constraintsHonoured\":[]}";
  private static final String DELAY = "{\"action\":\"DELAY\",\"operates\":true,\"departure\":\""
      + F.scheduledDeparture().plus(Duration.ofHours(2)) + "\",\"arrival\":\""
      + F.scheduledArrival().plus(Duration.ofHours(2)) + "\",\"aircraft\":\"" + F.aircraftRegistration()
      + "\",\"crewReplaced\":[],\"confidence\":0.8,\"summary\":\"delay 120 min\",\"rationale\":\"best\","
      + "\"conflictsResolved\":[],\"constraintsHonoured\":[]}";

  /** A model answering every agent {@link #GOOD_AGENT} and the arbitrator {@code ruling}. */
  private static ModelClient answering(String ruling) {
    return r -> CompletableFuture.completedFuture(new ModelReply(r.tier() == Tier.ARBITRATOR ? ruling : GOOD_AGENT,
        TokenUsage.of(1, 1), "m", "end_turn"));
  }

  private static ModelRequest request(String agent, Tier tier, Phase phase) {
    return new ModelRequest(agent, tier, phase, ModelRouting.defaults().profileFor(agent, tier), "system", true,
        List.of(Message.user("<p/>")), null);
  }

  private static FaultInjectingModel model(ModelClient delegate, Rates rates, long seed) {
    return new FaultInjectingModel(delegate, rates, seed, F.toFlightRef(), F.aircraftRegistration(),
        Duration.ofMinutes(45));
  }

  private static Rates only(Fault f) {
    double[] r = new double[7];
    r[f.ordinal()] = 1;
    return new Rates(r[0], r[1], r[2], r[3], r[4], r[5], r[6]);
  }

  private static Ruling parseRuling(String text) {
    return AirlineAgents.arbitrator().parse(new ModelReply(text, TokenUsage.ZERO, "m", "end_turn"));
  }

  private static String text(FaultInjectingModel m, ModelRequest r) {
    return m.call(r).join().text();
  }

  @Test
  void noFaults_passEveryCallThrough() {
    FaultInjectingModel m = model(answering(CANCEL), Rates.none(), 1);
    for (int i = 0; i < 50; i++) {
      assertThat(text(m, request("maintenance", Tier.SAFETY, Phase.INITIAL))).isEqualTo(GOOD_AGENT);
      assertThat(text(m, request("arbitrator", Tier.ARBITRATOR, Phase.ARBITRATION))).isEqualTo(CANCEL);
    }
    assertThat(m.injections()).isEmpty();
  }

  @Test
  void throttled_isATransientModelError_permanent_isNot() {
    FaultInjectingModel t = model(answering(CANCEL), only(Fault.THROTTLED), 1);
    assertThatThrownBy(() -> t.call(request("network", Tier.BUSINESS, Phase.INITIAL)).join())
        .isInstanceOf(CompletionException.class).cause().isInstanceOfSatisfying(ModelException.class, e -> {
          assertThat(e.kind()).isEqualTo(ModelException.Kind.THROTTLED);
          assertThat(e.retryable()).isTrue();
        });
    FaultInjectingModel p = model(answering(CANCEL), only(Fault.PERMANENT), 1);
    assertThatThrownBy(() -> p.call(request("network", Tier.BUSINESS, Phase.INITIAL)).join())
        .cause().isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.retryable()).isFalse());
    assertThat(t.injections()).extracting(Injection::label).containsExactly("THROTTLED/BUSINESS");
  }

  @Test
  void malformed_repliesFailTheAgentsParser() {
    @SuppressWarnings("unchecked")
    AgentSpec<Object> maintenance = (AgentSpec<Object>) AirlineAgents.all().stream()
        .filter(a -> a.name().equals("maintenance")).findFirst().orElseThrow();
    for (long seed = 0; seed < 20; seed++) {
      FaultInjectingModel m = model(answering(CANCEL), only(Fault.MALFORMED), seed);
      ModelReply reply = m.call(request("maintenance", Tier.SAFETY, Phase.INITIAL)).join();
      assertThatThrownBy(() -> maintenance.parse(Phase.INITIAL, reply)).as(reply.text())
          .isInstanceOf(ReplyFormatException.class);
    }
  }

  @Test
  void hung_neverCompletes() throws Exception {
    FaultInjectingModel m = model(answering(CANCEL), only(Fault.HUNG), 1);
    CompletableFuture<ModelReply> f = m.call(request("cargo", Tier.BUSINESS, Phase.REVISION));
    Thread.sleep(50);
    assertThat(f).isNotDone();
  }

  @Test
  void agentCalls_neverGetArbitratorRulings() {
    FaultInjectingModel m = model(answering(CANCEL), new Rates(0, 0, 0, 0, 0.4, 0.3, 0.3), 1);
    for (int i = 0; i < 30; i++) {
      assertThat(text(m, request("regulatory", Tier.SAFETY, Phase.INITIAL))).isEqualTo(GOOD_AGENT);
    }
    assertThat(m.injections()).isEmpty();
  }

  @Test
  void rulingThatBreaksAConstraint_operatesTheOwnAircraftOnSchedule_andParses() {
    FaultInjectingModel m = model(answering(CANCEL), only(Fault.RULING_BREAKS_CONSTRAINT), 1);
    ActionPlan p = parseRuling(text(m, request("arbitrator", Tier.ARBITRATOR, Phase.ARBITRATION))).plan();
    assertThat(p.operates()).isTrue();
    assertThat(p.aircraftRegistration()).isEqualTo(F.aircraftRegistration());
    assertThat(p.departure()).isEqualTo(F.scheduledDeparture());
    assertThat(p.arrival()).isEqualTo(F.scheduledArrival());
  }

  @Test
  void rulingOnAnUncheckedAircraft_keepsTheGoodPlanButItsAircraft_orSwapsWhenItDidNotOperate() {
    ActionPlan fromDelay = parseRuling(text(model(answering(DELAY), only(Fault.RULING_UNCHECKED_AIRCRAFT), 1),
        request("arbitrator", Tier.ARBITRATOR, Phase.ARBITRATION))).plan();
    assertThat(fromDelay.action()).isEqualTo("DELAY");
    assertThat(fromDelay.departure()).isEqualTo(F.scheduledDeparture().plus(Duration.ofHours(2)));
    assertThat(fromDelay.aircraftRegistration()).isEqualTo(FaultInjectingModel.NOPE_AIRCRAFT);
    ActionPlan fromCancel = parseRuling(text(model(answering(CANCEL), only(Fault.RULING_UNCHECKED_AIRCRAFT), 1),
        request("arbitrator", Tier.ARBITRATOR, Phase.ARBITRATION))).plan();
    assertThat(fromCancel.action()).isEqualTo("SWAP_AIRCRAFT");
    assertThat(fromCancel.aircraftRegistration()).isEqualTo(FaultInjectingModel.NOPE_AIRCRAFT);
  }

  @Test
  void rulingAddingUncheckedCrew_isAValidRulingPlusCrewAdded() throws Exception {
    for (String good : List.of(DELAY, CANCEL)) {
      String text = text(model(answering(good), only(Fault.RULING_UNCHECKED_CREW), 1),
          request("arbitrator", Tier.ARBITRATOR, Phase.ARBITRATION));
      ObjectNode node = (ObjectNode) JSON.readTree(text);
      assertThat(node.get("crewAdded").toString()).isEqualTo("[\"" + FaultInjectingModel.NOBODY_CREW + "\"]");
      // where the arbitrator's parser reads crewAdded, the plan adds the stranger; where it does not
      // yet, the reply is a format error the engine re-asks: never silently dropped
      try {
        assertThat(parseRuling(text).plan().crewAdded()).containsExactly(FaultInjectingModel.NOBODY_CREW);
      } catch (ReplyFormatException e) {
        assertThat(e.getMessage()).contains("crewAdded");
      }
      node.remove("crewAdded");
      ActionPlan rest = parseRuling(node.toString()).plan();
      assertThat(rest.operates()).isTrue();
      assertThat(rest.aircraftRegistration()).isEqualTo(F.aircraftRegistration());
    }
  }

  @Test
  void draws_dependOnSeedCallerAndCallNumber_notOnTheOrderOfCalls() {
    List<ModelRequest> calls = new ArrayList<>();
    for (String agent : AirlineAgents.NAMES) {
      Tier tier = List.of("crew_compliance", "maintenance", "regulatory").contains(agent) ? Tier.SAFETY : Tier.BUSINESS;
      for (int i = 0; i < 5; i++) {
        calls.add(request(agent, tier, Phase.INITIAL));
        calls.add(request(agent, tier, Phase.REVISION));
      }
    }
    Rates rates = new Rates(0.2, 0.1, 0.1, 0.1, 0, 0, 0);
    List<String> inOrder = injected(model(answering(CANCEL), rates, 7), calls);
    List<ModelRequest> shuffled = new ArrayList<>(calls);
    Collections.shuffle(shuffled, new java.util.Random(3));
    List<String> outOfOrder = injected(model(answering(CANCEL), rates, 7), shuffled);
    List<String> otherSeed = injected(model(answering(CANCEL), rates, 8), calls);
    assertThat(outOfOrder).containsExactlyInAnyOrderElementsOf(inOrder);
    assertThat(otherSeed).isNotEqualTo(inOrder);
    assertThat(inOrder).hasSizeBetween(15, 55);
  }

  private static List<String> injected(FaultInjectingModel m, List<ModelRequest> calls) {
    calls.forEach(m::call);
    return m.injections().stream().map(Injection::toString).sorted().toList();
  }

  @Test
  void rates_mustBeProbabilities() {
    assertThatThrownBy(() -> new Rates(-0.1, 0, 0, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Rates(0.5, 0.5, 0.5, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
