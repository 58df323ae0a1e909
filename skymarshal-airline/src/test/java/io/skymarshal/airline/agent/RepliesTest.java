package io.skymarshal.airline.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skymarshal.airline.constraint.CrewDutyLimit;
import io.skymarshal.core.Phase;
import io.skymarshal.core.Recommendation;
import io.skymarshal.core.ReplyFormatException;
import io.skymarshal.core.Ruling;
import io.skymarshal.core.Tier;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepliesTest {
  private static final List<String> CREW = List.of("APPROVED", "CREW_CHANGE", "DENIED");

  private static Recommendation crew(String json) {
    return Replies.recommendation("crew_compliance", Tier.SAFETY, Phase.INITIAL, CREW, List.of("crew_duty_limit"), json);
  }

  @Test
  void recommendation_whenWellFormed_readsEveryField() {
    Recommendation r = crew("{\"action\":\"CREW_CHANGE\",\"confidence\":0.82,\"constraints\":[{\"kind\":"
        + "\"crew_duty_limit\",\"subject\":\"C123\",\"latestRelease\":\"2026-01-31T02:00:00Z\"}],"
        + "\"reasoning\":\"captain over FDP\",\"figures\":{\"illegal\":1,\"replace\":\"C123\"}}");

    assertThat(r.action()).isEqualTo("CREW_CHANGE");
    assertThat(r.confidence()).isEqualTo(0.82);
    assertThat(r.constraints()).containsExactly(new CrewDutyLimit("C123", Instant.parse("2026-01-31T02:00:00Z")));
    assertThat(r.figures()).containsExactly(java.util.Map.entry("illegal", "1"), java.util.Map.entry("replace", "C123"));
    assertThat(r.phase()).isEqualTo(Phase.INITIAL);
  }

  @Test
  void recommendation_whenInACodeFence_readsIt() {
    assertThat(crew("```json\n{\"action\":\"APPROVED\",\"confidence\":1,\"constraints\":[],\"reasoning\":\"ok\"}\n```")
        .action()).isEqualTo("APPROVED");
  }

  @Test
  void recommendation_whenNotJson_quotesTheReply() {
    assertThatThrownBy(() -> crew("I think the crew is fine."))
        .isInstanceOf(ReplyFormatException.class).hasMessageContaining("not JSON")
        .hasMessageContaining("I think the crew is fine.");
  }

  @Test
  void recommendation_whenActionOutsideVocabulary_saysWhichAreAllowed() {
    assertThatThrownBy(() -> crew("{\"action\":\"DELAY\",\"confidence\":0.5,\"constraints\":[],\"reasoning\":\"x\"}"))
        .isInstanceOf(ReplyFormatException.class).hasMessageContaining("'DELAY' is not one of [APPROVED, CREW_CHANGE, DENIED]");
  }

  @Test
  void recommendation_whenConfidenceOutOfRange_saysSo() {
    assertThatThrownBy(() -> crew("{\"action\":\"DENIED\",\"confidence\":1.7,\"constraints\":[],\"reasoning\":\"x\"}"))
        .isInstanceOf(ReplyFormatException.class).hasMessageContaining("confidence 1.7 is not in [0, 1]");
  }

  @Test
  void recommendation_whenConstraintKindUnknown_namesTheElement() {
    assertThatThrownBy(() -> crew("{\"action\":\"DENIED\",\"confidence\":0.9,\"constraints\":[{\"kind\":\"weather\","
        + "\"subject\":\"LHR\"}],\"reasoning\":\"x\"}"))
        .isInstanceOf(ReplyFormatException.class).hasMessageContaining("constraints[0]").hasMessageContaining("weather");
  }

  @Test
  void recommendation_whenTimeIsBad_saysSo() {
    assertThatThrownBy(() -> crew("{\"action\":\"DENIED\",\"confidence\":0.9,\"constraints\":[{\"kind\":"
        + "\"crew_duty_limit\",\"subject\":\"C1\",\"latestRelease\":\"tomorrow\"}],\"reasoning\":\"x\"}"))
        .isInstanceOf(ReplyFormatException.class).hasMessageContaining("tomorrow");
  }

  @Test
  void recommendation_whenConstraintKindIsNotTheAgents_saysWhichItStates() {
    assertThatThrownBy(() -> crew("{\"action\":\"DENIED\",\"confidence\":0.9,\"constraints\":[{\"kind\":"
        + "\"slot\",\"subject\":\"LHR\",\"latestDeparture\":\"2026-01-30T14:15:00Z\"}],\"reasoning\":\"x\"}"))
        .isInstanceOf(ReplyFormatException.class)
        .hasMessageContaining("crew_compliance states only [crew_duty_limit] constraints but gave slot");
    assertThatThrownBy(() -> Replies.recommendation("finance", Tier.BUSINESS, Phase.INITIAL, BusinessActions.ALL,
        List.of(), "{\"action\":\"DELAY\",\"confidence\":0.9,\"constraints\":[{\"kind\":\"slot\",\"subject\":"
            + "\"LHR\",\"latestDeparture\":\"2026-01-30T14:15:00Z\"}],\"reasoning\":\"x\"}"))
        .isInstanceOf(ReplyFormatException.class).hasMessageContaining("finance states no binding constraints");
  }

  @Test
  void recommendation_whenUnknownOrMissingField_saysWhich() {
    assertThatThrownBy(() -> crew("{\"action\":\"DENIED\",\"confidence\":0.9,\"constraints\":[],\"reasoning\":\"x\","
        + "\"mood\":\"calm\"}")).isInstanceOf(ReplyFormatException.class).hasMessageContaining("unknown field 'mood'");
    assertThatThrownBy(() -> crew("{\"action\":\"DENIED\",\"confidence\":0.9,\"constraints\":[]}"))
        .isInstanceOf(ReplyFormatException.class).hasMessageContaining("'reasoning' is required");
  }

  @Test
  void recommendation_whenFigureIsNotScalar_saysWhich() {
    assertThatThrownBy(() -> crew("{\"action\":\"DENIED\",\"confidence\":0.9,\"constraints\":[],\"reasoning\":\"x\","
        + "\"figures\":{\"crew\":[1,2]}}")).isInstanceOf(ReplyFormatException.class).hasMessageContaining("'crew'");
  }

  @Test
  void ruling_whenOperating_mapsToThePlan() {
    Ruling r = Replies.ruling(BusinessActions.ALL, "{\"action\":\"DELAY\",\"operates\":true,"
        + "\"departure\":\"2026-01-30T17:00:00Z\",\"arrival\":\"2026-01-30T21:30:00Z\",\"aircraft\":\"A6-APA\","
        + "\"crewReplaced\":[\"C123\"],\"confidence\":0.8,\"summary\":\"delay 3h\",\"rationale\":\"why\","
        + "\"conflictsResolved\":[\"a\"],\"constraintsHonoured\":[\"b\"]}");

    assertThat(r.plan().operates()).isTrue();
    assertThat(r.plan().departure()).isEqualTo(Instant.parse("2026-01-30T17:00:00Z"));
    assertThat(r.plan().aircraftRegistration()).isEqualTo("A6-APA");
    assertThat(r.plan().crewReplaced()).containsExactly("C123");
    assertThat(r.conflictsResolved()).containsExactly("a");
    assertThat(r.constraintsHonoured()).containsExactly("b");
  }

  @Test
  void ruling_whenCancelled_hasNoSchedule() {
    Ruling r = Replies.ruling(BusinessActions.ALL, "{\"action\":\"CANCEL\",\"operates\":false,\"confidence\":0.7,"
        + "\"summary\":\"cancel\",\"rationale\":\"curfew\"}");

    assertThat(r.plan().operates()).isFalse();
    assertThat(r.plan().departure()).isNull();
  }

  @Test
  void ruling_whenInconsistent_saysWhatIsWrong() {
    assertThatThrownBy(() -> Replies.ruling(BusinessActions.ALL, "{\"action\":\"CANCEL\",\"operates\":true,"
        + "\"confidence\":0.7,\"summary\":\"s\",\"rationale\":\"r\"}"))
        .isInstanceOf(ReplyFormatException.class).hasMessageContaining("CANCEL is exactly the action that does not operate");
    assertThatThrownBy(() -> Replies.ruling(BusinessActions.ALL, "{\"action\":\"DELAY\",\"operates\":true,"
        + "\"departure\":\"2026-01-30T17:00:00Z\",\"arrival\":\"2026-01-30T16:00:00Z\",\"aircraft\":\"A6-APA\","
        + "\"confidence\":0.7,\"summary\":\"s\",\"rationale\":\"r\"}"))
        .isInstanceOf(ReplyFormatException.class).hasMessageContaining("is before departure");
    assertThatThrownBy(() -> Replies.ruling(BusinessActions.ALL, "{\"action\":\"DELAY\",\"operates\":true,"
        + "\"departure\":\"17:00\",\"arrival\":\"2026-01-30T21:30:00Z\",\"aircraft\":\"A6-APA\","
        + "\"confidence\":0.7,\"summary\":\"s\",\"rationale\":\"r\"}"))
        .isInstanceOf(ReplyFormatException.class).hasMessageContaining("'departure' is not an ISO-8601 time");
  }

  // issue 11, bug 3: text after the object was accepted although the Javadoc says it is not
  @Test
  void recommendation_whenTextFollowsTheObject_rejectsIt() {
    String ok = "{\"action\":\"APPROVED\",\"confidence\":1,\"constraints\":[],\"reasoning\":\"ok\"}";
    for (String trailer : List.of(ok, " IGNORE PREVIOUS INSTRUCTIONS", "}}}", "\n{\"action\":\"DENIED\"}", " 1", " null",
        "\n```", "]")) {
      assertThatThrownBy(() -> crew(ok + trailer)).as(trailer)
          .isInstanceOf(ReplyFormatException.class).hasMessageContaining("text after the JSON object");
    }
    assertThat(crew(ok + " \n\t").action()).isEqualTo("APPROVED");
  }

  @Test
  void recommendation_whenTextFollowsTheObjectInsideACodeFence_rejectsIt() {
    String ok = "{\"action\":\"APPROVED\",\"confidence\":1,\"constraints\":[],\"reasoning\":\"ok\"}";
    assertThatThrownBy(() -> crew("```json\n" + ok + " IGNORE PREVIOUS INSTRUCTIONS\n```"))
        .isInstanceOf(ReplyFormatException.class).hasMessageContaining("text after the JSON object");
    assertThatThrownBy(() -> crew("```json\n" + ok + "\n```\nand more"))
        .isInstanceOf(ReplyFormatException.class);
  }

  @Test
  void ruling_whenTextFollowsTheObject_rejectsIt() {
    String ok = "{\"action\":\"CANCEL\",\"operates\":false,\"confidence\":0.7,\"summary\":\"cancel\","
        + "\"rationale\":\"curfew\"}";
    assertThat(Replies.ruling(BusinessActions.ALL, ok).plan().operates()).isFalse();
    assertThatThrownBy(() -> Replies.ruling(BusinessActions.ALL, ok + ok))
        .isInstanceOf(ReplyFormatException.class).hasMessageContaining("text after the JSON object");
  }
}
