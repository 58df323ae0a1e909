package io.skymarshal.examples.perf;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.store.AirlineData;
import io.skymarshal.core.Disruption;
import io.skymarshal.testkit.airline.AirlineGenerator;
import io.skymarshal.testkit.airline.DisruptionGenerator;
import io.skymarshal.testkit.baseline.DecisionComparator;
import io.skymarshal.testkit.baseline.DecisionRecord;
import io.skymarshal.testkit.model.SimulatedModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the suite's HTML report in headless Chromium and reads the charts back from the DOM its
 * script drew: the histogram holds every run of both configurations, the timeline every call of
 * one run, and the page needs nothing from the network. Skipped, saying so, only where no
 * Chromium is installed and {@code SKYMARSHAL_REQUIRE_CHROMIUM} is not set ({@code .ci/run} installs
 * Chromium and sets it, so there the test fails instead).
 */
class HtmlReportChromiumTest {
  private static final Pattern BAR = Pattern.compile("<rect[^>]*class=\"bar (\\w+)\"[^>]*data-count=\"(\\d+)\"");
  private static final Pattern CALL = Pattern.compile("<rect[^>]*class=\"call \\w+\"[^>]*data-agent=\"(\\w+)\"[^>]*"
      + "data-phase=\"(\\w+)\"[^>]*data-ms=\"(\\d+)\"");

  private static Summary baseline;
  private static Summary optimized;
  private static String html;

  @BeforeAll
  static void runASmallSuite() {
    AirlineDataset airline = AirlineGenerator.defaultAirline();
    List<Disruption> disruptions = new DisruptionGenerator(airline, 7).take(6);
    SuiteRunner runner = new SuiteRunner(AirlineData.inMemory(airline), (config, twins) -> {
      SimulatedModel m = SimulatedModel.builder().twins(twins).seed(7).build();
      return new SuiteRunner.Models(config.has(Lever.CACHE_POINTS) ? m : new NoCachePoints(m), m);
    }, new PrintStream(new ByteArrayOutputStream()));
    baseline = runner.run(SuiteConfig.baseline(), List.of(), disruptions);
    optimized = runner.run(SuiteConfig.optimized(Set.of()), List.of(), disruptions);
    var quality = DecisionComparator.standard().compare(
        baseline.samples().stream().map(s -> DecisionRecord.of(s.decision())).toList(),
        optimized.samples().stream().map(s -> DecisionRecord.of(s.decision())).toList());
    html = HtmlReport.html(baseline, optimized, ReportJson.tree(baseline, optimized, quality, List.of(), Map.of(
        "disruptions", 6, "seed", 7, "models", "simulated", "timeScale", 0, "data", "memory",
        "optimizedLevers", List.of("all"))));
  }

  private static String dom(Path dir) throws Exception {
    Optional<Chromium> chromium = Chromium.find();
    boolean required = System.getenv("SKYMARSHAL_REQUIRE_CHROMIUM") != null;
    if (chromium.isEmpty() && !required) {
      Assumptions.abort("no chromium on the PATH (install Debian's 'chromium', or set SKYMARSHAL_CHROMIUM)");
    }
    assertThat(chromium).as("SKYMARSHAL_REQUIRE_CHROMIUM is set but no chromium was found").isPresent();
    Path page = dir.resolve("report.html");
    Files.writeString(page, html);
    Path profile = Files.createDirectories(dir.resolve("profile"));
    return chromium.get().dumpDom(page, profile);
  }

  @Test
  void histogram_drawnByThePage_holdsEveryRunOfBothConfigurations(@TempDir Path dir) throws Exception {
    String dom = dom(dir);

    assertThat(dom).contains("data-rendered=\"true\"");
    Map<String, Integer> runs = new HashMap<>();
    Matcher m = BAR.matcher(dom);
    while (m.find()) {
      runs.merge(m.group(1), Integer.parseInt(m.group(2)), Integer::sum);
    }
    assertThat(runs).containsExactlyInAnyOrderEntriesOf(Map.of("baseline", 6, "optimized", 6));
  }

  @Test
  void timeline_drawnByThePage_showsEveryCallOfTheMedianRunInItsPhase(@TempDir Path dir) throws Exception {
    String dom = dom(dir);

    String optimizedTimeline = dom.substring(dom.indexOf("data-config=\"optimized\" data-disruption"));
    Matcher m = CALL.matcher(optimizedTimeline.substring(0, optimizedTimeline.indexOf("</svg>")));
    int calls = 0;
    Set<String> phases = new java.util.TreeSet<>();
    while (m.find()) {
      calls++;
      phases.add(m.group(2));
      assertThat(Integer.parseInt(m.group(3))).isPositive();
    }
    RunSample median = optimized.samples().stream().sorted(java.util.Comparator.comparingDouble(RunSample::modelMs))
        .toList().get(2);
    assertThat(calls).isEqualTo(median.calls().size());
    assertThat(phases).containsExactlyInAnyOrder("phase1_initial", "phase2_revision", "phase3_arbitration");
  }

  @Test
  void page_isSelfContained_noScriptStyleOrFetchFromTheNetwork() {
    assertThat(html).doesNotContain("src=\"http").doesNotContain("href=\"http").doesNotContain("fetch(")
        .doesNotContain("@import");
  }
}
