package io.skymarshal.testkit.hostile;

import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.agent.AirlineAgents;
import io.skymarshal.airline.json.DisruptionFormatException;
import io.skymarshal.airline.json.DisruptionJson;
import io.skymarshal.airline.offline.OfflineModel;
import io.skymarshal.airline.store.AirlineData;
import io.skymarshal.core.AgentSpec;
import io.skymarshal.core.Decision;
import io.skymarshal.core.DecisionJson;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.Orchestrator;
import io.skymarshal.core.Phase;
import io.skymarshal.data.DataAccess;
import io.skymarshal.prompt.PromptXml;
import io.skymarshal.prompt.XmlElement;
import io.skymarshal.testkit.airline.AirlineSamples;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads {@link HostileDocuments} with {@link DisruptionJson} and decides every document it
 * accepts with the seven agents, the arbitrator and the {@link OfflineModel} over the sample
 * airline ({@link AirlineSamples#ey123Airline()}), up to 16 runs at once on one orchestrator
 * (the offline model's usage approximated at a token per four characters, for speed), and
 * checks that each ends as exactly one of:
 * a typed rejection ({@link DisruptionFormatException}) or a {@link Decision}. Anything else (any
 * other exception from the reader or the run) is a failure, and so is any of:
 * <ul>
 *   <li>a rejection message longer than {@value #MAX_MESSAGE} characters, or with a raw control,
 *       format or separator character, or quoting more than an excerpt of an injected string;
 *   <li>a decision whose halt reason does the same, or that {@link DecisionJson} cannot write;
 *   <li>for an INJECTION document, a Phase-1 prompt of any agent whose XML structure (elements
 *       and attribute names, values and text left out) differs from the prompt of the same
 *       document with plain text in place of each injection, or whose {@code <disruption>}
 *       element does not give the injected description back exactly.
 * </ul>
 * Not thread-safe: one run at a time.
 */
public final class HostileSuite {
  /** Longest message a rejection or a halt reason may have. */
  public static final int MAX_MESSAGE = 600;
  /** The most characters of one untrusted string a message may quote. */
  private static final int MAX_QUOTED = 80;
  private static final int IN_FLIGHT = 16;

  /** How one document ended. */
  public enum Outcome { REJECTED, DECIDED, DEGRADED, REFERRED, HALTED, OTHER_EXCEPTION }

  /**
   * What a suite run found.
   *
   * @param documents         documents run
   * @param outcomes          how many ended each way
   * @param byCategory        per category, how many were rejected and how many decided
   * @param injectionPrompts  INJECTION documents whose prompts were compared
   * @param failures          one line per failure (an unexpected exception or a failed check), first 50
   * @param failureCount      all failures
   */
  public record Tally(int documents, Map<Outcome, Integer> outcomes, Map<HostileDocuments.Category, int[]> byCategory,
      int injectionPrompts, List<String> failures, int failureCount) {

    /** The one-line summary. */
    public String line() {
      StringBuilder b = new StringBuilder("hostile documents: ").append(documents).append(" run; ");
      outcomes.forEach((o, n) -> b.append(o.name().toLowerCase()).append(' ').append(n).append(", "));
      b.append("prompt structure checked on ").append(injectionPrompts).append(" injected documents; ")
          .append(failureCount).append(" failures");
      return b.toString();
    }

    /** A table: per category, the documents rejected with a typed error and those read and run. */
    public String table() {
      StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT, "%-20s %9s %9s%n", "category",
          "rejected", "run"));
      byCategory.forEach((c, n) -> b.append(String.format(java.util.Locale.ROOT, "%-20s %,9d %,9d%n",
          c.name().toLowerCase(java.util.Locale.ROOT), n[0], n[1])));
      return b.toString();
    }
  }

  private final AirlineDataset airline = AirlineSamples.ey123Airline();
  private final DataAccess data = AirlineData.inMemory(airline);
  private final DisruptionJson reader = DisruptionJson.withAirports(airline.airports());
  private final List<AgentSpec<?>> agents = AirlineAgents.all();

  /** Runs documents {@code 0 .. count-1} of {@code documents}. */
  public Tally run(HostileDocuments documents, int count) {
    Map<Outcome, AtomicInteger> outcomes = new EnumMap<>(Outcome.class);
    for (Outcome o : Outcome.values()) {
      outcomes.put(o, new AtomicInteger());
    }
    Map<HostileDocuments.Category, int[]> byCategory = new ConcurrentHashMap<>();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    AtomicInteger failureCount = new AtomicInteger();
    AtomicInteger prompts = new AtomicInteger();
    Semaphore window = new Semaphore(IN_FLIGHT);
    List<CompletableFuture<?>> pending = new ArrayList<>();
    // usage approximated at a token per four characters: cl100k counting would be two thirds of
    // the suite's time, and what it costs is bounded by the limits on a disruption's text anyway
    OfflineModel model = OfflineModel.builder().tokenCounter(text -> text.length() / 4 + 1).build();
    try (Orchestrator orchestrator = Orchestrator.builder().agents(agents).arbitrator(AirlineAgents.arbitrator())
        .modelClient(model).data(data).build()) {
      for (int i = 0; i < count; i++) {
        HostileDocuments.Document doc;
        try {
          doc = documents.document(i);
        } catch (RuntimeException e) {
          fail(failures, failureCount, null, "document " + i + " could not be generated: " + e);
          continue;
        }
        int[] counts = byCategory.computeIfAbsent(doc.category(), c -> new int[2]);
        Disruption d;
        try {
          d = reader.read(doc.text());
        } catch (DisruptionFormatException e) {
          outcomes.get(Outcome.REJECTED).incrementAndGet();
          counts[0]++;
          checkMessage(doc, "rejection", e.getMessage(), failures, failureCount);
          continue;
        } catch (RuntimeException | StackOverflowError e) {
          outcomes.get(Outcome.OTHER_EXCEPTION).incrementAndGet();
          fail(failures, failureCount, doc, "the reader threw " + e);
          continue;
        }
        counts[1]++;
        if (doc.category() == HostileDocuments.Category.INJECTION) {
          prompts.incrementAndGet();
          checkPrompts(doc, d, failures, failureCount);
        }
        window.acquireUninterruptibly();
        CompletableFuture<Decision> run;
        try {
          run = orchestrator.runAsync(d);
        } catch (RuntimeException e) {
          window.release();
          outcomes.get(Outcome.OTHER_EXCEPTION).incrementAndGet();
          fail(failures, failureCount, doc, "runAsync threw " + e);
          continue;
        }
        pending.add(run.handle((decision, e) -> {
          try {
            if (e != null) {
              outcomes.get(Outcome.OTHER_EXCEPTION).incrementAndGet();
              fail(failures, failureCount, doc, "the run failed: " + e);
            } else {
              outcomes.get(Outcome.valueOf(decision.status().name())).incrementAndGet();
              checkDecision(doc, decision, failures, failureCount);
            }
          } catch (RuntimeException checkFailed) {
            fail(failures, failureCount, doc, "checking the decision threw " + checkFailed);
          } finally {
            window.release();
          }
          return null;
        }));
      }
      CompletableFuture.allOf(pending.toArray(new CompletableFuture<?>[0])).get(10, TimeUnit.MINUTES);
    } catch (Exception e) {
      fail(failures, failureCount, null, "the suite did not finish: " + e);
    }
    Map<Outcome, Integer> totals = new EnumMap<>(Outcome.class);
    outcomes.forEach((o, n) -> totals.put(o, n.get()));
    return new Tally(count, totals, new EnumMap<>(byCategory), prompts.get(), List.copyOf(failures), failureCount.get());
  }

  private static void fail(ConcurrentLinkedQueue<String> failures, AtomicInteger count, HostileDocuments.Document doc,
      String what) {
    if (count.incrementAndGet() <= 50) {
      failures.add((doc == null ? "" : "document " + doc.index() + " (" + doc.category() + "): ")
          + what.substring(0, Math.min(what.length(), 300)));
    }
  }

  private void checkDecision(HostileDocuments.Document doc, Decision d, ConcurrentLinkedQueue<String> failures,
      AtomicInteger count) {
    DecisionJson.toJson(d); // must not throw
    if (d.haltReason() != null) {
      checkMessage(doc, "halt reason", d.haltReason().toString(), failures, count);
    }
  }

  private static void checkMessage(HostileDocuments.Document doc, String what, String message,
      ConcurrentLinkedQueue<String> failures, AtomicInteger count) {
    if (message.length() > MAX_MESSAGE) {
      fail(failures, count, doc, what + " of " + message.length() + " characters");
    }
    for (int k = 0; k < message.length(); k++) {
      char c = message.charAt(k);
      int type = Character.getType(c);
      if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
          || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
        fail(failures, count, doc, what + " has raw character U+" + Integer.toHexString(c) + " at " + k);
        return;
      }
    }
    for (String s : doc.injected()) {
      if (s.length() > MAX_QUOTED && message.contains(s.substring(0, MAX_QUOTED + 1))) {
        fail(failures, count, doc, what + " quotes more than " + MAX_QUOTED + " characters of an injected string");
      }
    }
  }

  private void checkPrompts(HostileDocuments.Document doc, Disruption hostile, ConcurrentLinkedQueue<String> failures,
      AtomicInteger count) {
    Disruption neutral;
    try {
      neutral = reader.read(doc.neutral());
    } catch (RuntimeException e) {
      fail(failures, count, doc, "its neutral twin was not accepted: " + e);
      return;
    }
    for (AgentSpec<?> agent : agents) {
      XmlElement a = PromptXml.parse(phase1Prompt(agent, hostile));
      XmlElement b = PromptXml.parse(phase1Prompt(agent, neutral));
      if (!structure(a).equals(structure(b))) {
        fail(failures, count, doc, agent.name() + "'s prompt structure changed with the injected text");
      }
      XmlElement disruption = find(a, "disruption");
      XmlElement desc = disruption == null ? null : disruption.child("desc");
      if (desc == null || !Objects.equals(desc.text(), hostile.description())) {
        fail(failures, count, doc, agent.name() + "'s prompt does not give the injected description back");
      }
    }
  }

  private <I> String phase1Prompt(AgentSpec<I> agent, Disruption d) {
    I input = agent.gather(d, data);
    return agent.prompt(Phase.INITIAL, d, input, List.of()).text();
  }

  /** Element names and attribute names, depth first; no values, no text. */
  static String structure(XmlElement e) {
    StringBuilder b = new StringBuilder();
    structure(e, b);
    return b.toString();
  }

  private static void structure(XmlElement e, StringBuilder b) {
    b.append('<').append(e.name());
    e.attributes().keySet().forEach(k -> b.append(' ').append(k));
    b.append('>');
    e.children().forEach(c -> structure(c, b));
    b.append("</>");
  }

  private static XmlElement find(XmlElement e, String name) {
    if (e.name().equals(name)) {
      return e;
    }
    for (XmlElement c : e.children()) {
      XmlElement found = find(c, name);
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
