package io.skymarshal.airline.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Found by the hostile-documents suite (issue 11): a crew member id from a document's facts went
 * into a clearance detail, and so into the halt reason and its log line, with its newlines and
 * bidi controls raw.
 */
class ScheduleConflictsTest {

  @Test
  void shortened_escapesControlFormatAndSeparatorCharacters() {
    assertThat(ScheduleConflicts.shortened("C1\r\nINFO forged", 40)).isEqualTo("C1\\u000D\\u000AINFO forged");
    assertThat(ScheduleConflicts.shortened("\u202Eevil\u2028x\u0000", 40)).isEqualTo("\\u202Eevil\\u2028x\\u0000");
    assertThat(ScheduleConflicts.shortened("a\uD800b", 40)).isEqualTo("a\\uD800b");
  }

  @Test
  void shortened_keepsPrintableTextAndPairs_andCuts() {
    assertThat(ScheduleConflicts.shortened("A6-APA, it's fine ✈ \uD83D\uDE00", 40)).isEqualTo("A6-APA, it's fine ✈ \uD83D\uDE00");
    assertThat(ScheduleConflicts.shortened("x".repeat(50), 40)).isEqualTo("x".repeat(40) + "...");
    assertThat(ScheduleConflicts.shortened(null, 40)).isEqualTo("none");
  }
}
