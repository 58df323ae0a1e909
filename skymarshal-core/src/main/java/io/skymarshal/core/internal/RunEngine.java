package io.skymarshal.core.internal;

import io.skymarshal.core.AgentCall;
import io.skymarshal.core.ArbitrationInput;
import io.skymarshal.core.CheckedResources;
import io.skymarshal.core.HaltReason;
import io.skymarshal.core.MissingAgent;
import io.skymarshal.core.SafetyAssessment;
import io.skymarshal.core.Violation;
import io.skymarshal.core.AgentSpec;
import io.skymarshal.core.ArbitratorSpec;
import io.skymarshal.core.CallStatus;
import io.skymarshal.core.Decision;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.Phase;
import io.skymarshal.core.PhaseTiming;
import io.skymarshal.core.Recommendation;
import io.skymarshal.core.RunReport;
import io.skymarshal.core.Ruling;
import io.skymarshal.core.SkyMarshalException;
import io.skymarshal.core.Tier;
import io.skymarshal.model.Message;
import io.skymarshal.model.ModelProfile;
import io.skymarshal.model.ModelRequest;
import io.skymarshal.prompt.OptimizedPrompt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The three phases of a run. Internal: use {@link io.skymarshal.core.Orchestrator}.
 *
 * <p>Each phase is a barrier: it completes when every agent's outcome is final (success,
 * failure, timeout or cancellation); the next phase starts only then. A SAFETY failure cancels
 * the phase's in-flight calls and halts the run before any further phase. Cancelling the future
 * {@link #run} returns cancels every execution of the run (in-flight model calls, pending
 * retries), starts no further agent or phase, and tells listeners
 * {@link io.skymarshal.core.RunListener#onRunCancelled} once the cancelled outcomes are final.
 */
public final class RunEngine {
  private final EngineConfig config;
  private final Listeners listeners;
  private final Map<String, Integer> agentOrder = new HashMap<>();
  /** Failsafe policies by "agent/PHASE", built once: they are immutable and shared by all runs. */
  private final Map<String, CallPolicies> policies = new HashMap<>();
  private final ModelGateway gateway;

  public RunEngine(EngineConfig config) {
    this.config = config;
    this.listeners = new Listeners(config.listeners());
    this.gateway = new ModelGateway(config);
    for (int i = 0; i < config.agents().size(); i++) {
      AgentSpec<?> a = config.agents().get(i);
      agentOrder.put(a.name(), i);
      for (Phase p : List.of(Phase.INITIAL, Phase.REVISION)) {
        policies.put(a.name() + "/" + p, CallPolicies.of(config.policy(a.name(), a.tier(), p), config.random()));
      }
    }
    String arb = config.arbitrator().name();
    policies.put(arb + "/" + Phase.ARBITRATION,
        CallPolicies.of(config.policy(arb, Tier.ARBITRATOR, Phase.ARBITRATION), config.random()));
  }

  /**
   * Runs all three phases for {@code disruption}. The future fails only on an engine fault;
   * cancelling it cancels the run.
   */
  public CompletableFuture<Decision> run(Disruption disruption) {
    return run(disruption, Resume.none());
  }

  /**
   * Runs {@code disruption} from {@code resume}: a checkpointed phase is taken as it was stored
   * instead of run (its recommendations go through the same clearance, binding and plan checks as
   * fresh ones), and each phase this run completes is handed to the resume's sink before the next
   * starts.
   */
  public CompletableFuture<Decision> run(Disruption disruption, Resume resume) {
    // first the listeners (on the caller's thread), so a propagator can carry what they started
    listeners.onRunStarted(disruption);
    RunContext run = new RunContext(disruption, listeners, config.executor(), config.ticker(), config.propagators());
    if (resume.phase1() != null) {
      run.resumed(Phase.INITIAL);
    }
    if (resume.phase2() != null) {
      run.resumed(Phase.REVISION);
    }
    run.withMdc(() -> RunContext.log().info("run started: {} {} {}-{}", disruption.type(),
        disruption.flight().flightNumber(), disruption.flight().origin(), disruption.flight().destination()));
    Map<String, Object> inputs = new java.util.concurrent.ConcurrentHashMap<>();

    Map<String, SafetyAssessment> assessments = new java.util.concurrent.ConcurrentHashMap<>();

    CompletableFuture<PhaseResult> first = resume.phase1() != null ? CompletableFuture.completedFuture(
        resumed(resume.phase1())) : runPhase(run, Phase.INITIAL, config.agents(), Map.of(), inputs, assessments);
    CompletableFuture<Decision> phases = first
        .thenCompose(p1 -> {
          if (run.cancelled()) {
            return CompletableFuture.completedFuture(null);
          }
          if (p1.halted()) {
            return CompletableFuture.completedFuture(stop(run, p1.halt(), List.of(), missingList(p1.missing()),
                p1.recommendations()));
          }
          Optional<HaltReason> blocked1 = notCleared(p1.recommendations(), Phase.INITIAL);
          if (blocked1.isPresent()) {
            // what the data does not allow in Phase 1 a revision cannot change: do not pay for more calls
            return CompletableFuture.completedFuture(stop(run, blocked1.get(), List.of(), missingList(p1.missing()),
                p1.recommendations()));
          }
          CompletableFuture<PhaseResult> second = resume.phase2() != null
              ? CompletableFuture.completedFuture(resumed(resume.phase2()))
              : saved(run, resume, Phase.INITIAL, p1).thenCompose(v ->
                  runPhase(run, Phase.REVISION, config.agents(), p1.recommendations(), inputs, assessments));
          return second.thenCompose(p2 -> {
            if (run.cancelled()) {
              return CompletableFuture.completedFuture(null);
            }
            Map<String, MissingAgent> missing = new LinkedHashMap<>(p1.missing());
            missing.putAll(p2.missing());
            if (p2.halted()) {
              return CompletableFuture.completedFuture(stop(run, p2.halt(), List.of(), missingList(missing),
                  latest(p1.recommendations(), p2.recommendations())));
            }
            Optional<HaltReason> blocked2 = notCleared(p2.recommendations(), Phase.REVISION);
            if (blocked2.isPresent()) {
              return CompletableFuture.completedFuture(stop(run, blocked2.get(), List.of(), missingList(missing),
                  latest(p1.recommendations(), p2.recommendations())));
            }
            ArbitrationInput input = ArbitrationInput.of(p1.recommendations().values(), p2.recommendations().values(),
                missingList(missing));
            CompletableFuture<Void> kept = resume.phase2() != null ? CompletableFuture.completedFuture(null)
                : saved(run, resume, Phase.REVISION, p2);
            return kept.thenCompose(v -> arbitrate(run, input));
          });
        });
    CompletableFuture<Decision> result = new CompletableFuture<>();
    phases.whenComplete((d, e) -> {
      if (!run.finish()) {
        ended(run);
        return; // result is already cancelled
      }
      if (d != null) {
        try {
          logDone(run, d);
          listeners.onRunCompleted(disruption, d);
        } finally {
          result.complete(d); // whatever logging or a listener does, the caller gets the decision
        }
      } else {
        result.completeExceptionally(e != null ? e : new SkyMarshalException("run of " + disruption.id()
            + " ended without a decision", false));
      }
    });
    // cancel(true) on result completes it at once; the run's work stops and listeners hear of it
    // once the cancelled outcomes are final (above). A cancel that races with the end of the run
    // may find it done: then nothing is cancelled and listeners hear onRunCompleted.
    result.whenComplete((d, e) -> {
      if (result.isCancelled() && run.cancel()) {
        run.withMdc(() -> RunContext.log().info("run cancelled: cancelling its calls in flight"));
      }
    });
    return result;
  }

  /** Tells listeners the cancelled run has ended, with the report of what it did. */
  private void ended(RunContext run) {
    RunReport report;
    try {
      report = report(run);
    } catch (RuntimeException e) {
      run.withMdc(() -> RunContext.log().warn("cancelled run: no report ({})", e.toString()));
      return;
    }
    run.withMdc(() -> RunContext.log().info("run cancelled after {} ms", Math.round(report.totalDurationMs())));
    listeners.onRunCancelled(run.disruption, report);
  }

  /**
   * The "run done" line. Logging never changes an outcome: whatever it computes cannot fail the
   * run, at any log level.
   */
  private static void logDone(RunContext run, Decision d) {
    if (!RunContext.log().isInfoEnabled()) {
      return;
    }
    try {
      io.skymarshal.model.TokenUsage total = d.report().totalUsage();
      run.withMdc(() -> RunContext.log().info("run done: {} {} in {} ms, {} in / {} out tokens{}, ${}", d.status(),
          d.action(), Math.round(d.report().totalDurationMs()), total.totalInputTokens(), total.outputTokens(),
          total.saturated() ? " (saturated)" : "", String.format("%.4f", d.report().totalCostUsd())));
    } catch (RuntimeException e) {
      RunContext.log().warn("could not log the end of run {}: {}", d.disruptionId(), e.toString());
    }
  }

  /** The outcome of Phase 1 or 2: successful recommendations by agent, missing agents with reasons, halt. */
  private record PhaseResult(Map<String, Recommendation> recommendations, Map<String, MissingAgent> missing,
      HaltReason halt) {
    boolean halted() {
      return halt != null;
    }
  }

  /** A checkpointed phase as the result it was: it completed without a halt, or it would not have been kept. */
  private PhaseResult resumed(PhaseState state) {
    return new PhaseResult(inAgentOrder(state.recommendations()), inAgentOrder(state.missing()), null);
  }

  /** Hands the completed {@code phase} to the resume's sink, off the caller's thread; a sink failure fails the run. */
  private CompletableFuture<Void> saved(RunContext run, Resume resume, Phase phase, PhaseResult result) {
    if (resume == Resume.none() || run.cancelled()) {
      return CompletableFuture.completedFuture(null);
    }
    List<io.skymarshal.core.AgentCall> calls = run.calls(agentOrder).stream().filter(c -> c.phase() == phase).toList();
    long duration = run.phases().stream().filter(t -> t.phase() == phase).mapToLong(PhaseTiming::durationNanos)
        .findFirst().orElse(0);
    PhaseState state = new PhaseState(phase, result.recommendations(), result.missing(), calls, duration);
    return CompletableFuture.runAsync(() -> resume.sink().accept(state), run.executor);
  }

  /** The first SAFETY recommendation, in agent order, that does not clear and says nothing that would. */
  private static Optional<HaltReason> notCleared(Map<String, Recommendation> recs, Phase phase) {
    return recs.values().stream().filter(Recommendation::blocksDecision).findFirst()
        .map(r -> HaltReason.notCleared(r.agent(), phase, r.clearance()));
  }

  /** Each agent's latest recommendation: Phase 2's where there is one, else Phase 1's, in agent order. */
  private Map<String, Recommendation> latest(Map<String, Recommendation> p1, Map<String, Recommendation> p2) {
    Map<String, Recommendation> out = new LinkedHashMap<>(p1);
    out.putAll(p2);
    return inAgentOrder(out);
  }

  private List<MissingAgent> missingList(Map<String, MissingAgent> missing) {
    return List.copyOf(inAgentOrder(missing).values());
  }

  private CompletableFuture<PhaseResult> runPhase(RunContext run, Phase phase, List<AgentSpec<?>> agents,
      Map<String, Recommendation> previous, Map<String, Object> inputs, Map<String, SafetyAssessment> assessments) {
    long phaseStart = run.now();
    listeners.onPhaseStarted(run.disruption, phase);
    PhaseBarrier barrier = new PhaseBarrier();
    List<CompletableFuture<Void>> outcomes = new ArrayList<>();
    Map<String, Recommendation> recs = new java.util.concurrent.ConcurrentHashMap<>();
    Map<String, MissingAgent> missing = new java.util.concurrent.ConcurrentHashMap<>();

    for (AgentSpec<?> spec : agents) {
      if (phase == Phase.REVISION && !previous.containsKey(spec.name())) {
        run.recordCall(skipped(spec, phase, "no Phase-1 recommendation"));
        continue;
      }
      if (barrier.halted()) {
        run.recordCall(skipped(spec, phase, "the run halted"));
        continue;
      }
      if (run.cancelled()) {
        run.recordCall(skipped(spec, phase, "the run was cancelled"));
        continue;
      }
      listeners.onAgentStarted(run.disruption, spec.name(), spec.tier(), phase);
      long start = run.now();
      CallExecution ex = execution(run, spec.name(), spec.tier(), phase);
      CompletableFuture<Recommendation> work = agentWork(run, ex, spec, phase, previous, inputs, assessments);
      barrier.add(ex);
      run.track(ex);
      outcomes.add(work.handle((rec, err) -> {
        AgentCall call = ex.toCall(err, run.now() - start);
        run.recordCall(call);
        if (err == null) {
          recs.put(spec.name(), rec);
        } else {
          missing.put(spec.name(), new MissingAgent(spec.name(), spec.tier(), phase, call.status(),
              String.valueOf(call.error())));
          if (spec.tier() == Tier.SAFETY && call.status() != CallStatus.CANCELLED) {
            barrier.halt(HaltReason.safetyAgentFailed(spec.name(), phase, call.status(), String.valueOf(call.error())));
          }
        }
        return null;
      }));
    }
    return CompletableFuture.allOf(outcomes.toArray(new CompletableFuture<?>[0])).thenApply(v -> {
      run.recordPhase(new PhaseTiming(phase, run.now() - phaseStart));
      return new PhaseResult(inAgentOrder(recs), inAgentOrder(missing), barrier.reason());
    });
  }

  @SuppressWarnings("unchecked")
  private <I> CompletableFuture<Recommendation> agentWork(RunContext run, CallExecution ex, AgentSpec<I> spec, Phase phase,
      Map<String, Recommendation> previous, Map<String, Object> inputs, Map<String, SafetyAssessment> assessments) {
    Disruption d = run.disruption;
    List<Recommendation> peers = new ArrayList<>();
    inAgentOrder(previous).forEach((name, rec) -> {
      if (!name.equals(spec.name())) {
        peers.add(rec);
      }
    });
    ModelProfile profile = config.routing().profileFor(spec.name(), spec.tier());
    return ex.execute(
        () -> CompletableFuture.supplyAsync(() -> {
          notCancelled(ex);
          // a resumed Phase 1 gathered in another run: gather again (reads, no model call), so the
          // prompt has its data and what the agent computes in code binds the revision as always
          boolean gather = phase == Phase.INITIAL || !inputs.containsKey(spec.name());
          I input = gather ? spec.gather(d, config.data()) : (I) inputs.get(spec.name());
          if (gather) {
            inputs.put(spec.name(), input);
            if (spec.tier() == Tier.SAFETY) {
              assessments.put(spec.name(), java.util.Objects.requireNonNull(spec.assess(d, input),
                  () -> "agent " + spec.name() + " assessed null"));
            }
          }
          return new ModelRequest(spec.name(), spec.tier(), phase, profile, spec.systemPrompt(), true,
              messages(spec, phase, d, input, List.copyOf(peers), inputs), spec.replyFormat());
        }, run.executor),
        request -> ex.callAndParse(request, reply -> spec.parse(phase, reply)).thenApply(parsed -> {
          if (phase == Phase.INITIAL && parsed.request().messages().get(0).cachePoint()) {
            // the conversation Phase 2 continues: what was sent, and what the model answered
            List<Message> conversation = new ArrayList<>(parsed.request().messages());
            conversation.add(Message.assistant(parsed.reply().text()));
            inputs.put(CONVERSATION + spec.name(), List.copyOf(conversation));
          }
          Recommendation r = parsed.value();
          if (r == null || !r.agent().equals(spec.name())) {
            throw new SkyMarshalException("agent " + spec.name() + " parsed a recommendation for '"
                + (r == null ? null : r.agent()) + "'", false);
          }
          if (spec.tier() == Tier.SAFETY) {
            // what the agent computed in code binds whatever the model replied
            return assessments.getOrDefault(spec.name(), SafetyAssessment.none()).bind(r);
          }
          return r;
        }));
  }

  /** Where an agent's Phase-1 conversation is kept among the run's inputs, before its name. */
  private static final String CONVERSATION = "\u0000conversation:";

  /**
   * The messages of an agent's call. An agent that continues its conversation in Phase 2
   * ({@link AgentSpec#revisionFollowUp} present) gets a cache checkpoint after its Phase-1 turn,
   * so Phase 1 writes the prefix that Phase 2 reads; in Phase 2 it sends that conversation again,
   * then the follow-up. Without a Phase-1 conversation (e.g. Phase 1 was answered some other way)
   * Phase 2 falls back to the agent's full revision prompt.
   */
  @SuppressWarnings("unchecked")
  private static <I> List<Message> messages(AgentSpec<I> spec, Phase phase, Disruption d, I input, List<Recommendation> peers,
      Map<String, Object> inputs) {
    if (phase == Phase.INITIAL) {
      Message first = Message.user(spec.prompt(phase, d, input, peers).text());
      return List.of(spec.revisionFollowUp(d, input, peers).isPresent() ? first.withCachePoint() : first);
    }
    List<Message> conversation = (List<Message>) inputs.get(CONVERSATION + spec.name());
    java.util.Optional<OptimizedPrompt> followUp = conversation == null ? java.util.Optional.empty()
        : spec.revisionFollowUp(d, input, peers);
    if (followUp.isEmpty()) {
      return List.of(Message.user(spec.prompt(phase, d, input, peers).text()));
    }
    List<Message> out = new ArrayList<>(conversation);
    out.add(Message.user(followUp.get().text()));
    return out;
  }

  private CompletableFuture<Decision> arbitrate(RunContext run, ArbitrationInput input) {
    ArbitratorSpec arb = config.arbitrator();
    Phase phase = Phase.ARBITRATION;
    long phaseStart = run.now();
    listeners.onPhaseStarted(run.disruption, phase);
    listeners.onAgentStarted(run.disruption, arb.name(), Tier.ARBITRATOR, phase);
    CallExecution ex = execution(run, arb.name(), Tier.ARBITRATOR, phase);
    ModelProfile profile = config.routing().profileFor(arb.name(), Tier.ARBITRATOR);
    CompletableFuture<Arbitration> work = ex.execute(
        () -> CompletableFuture.supplyAsync(() -> {
          notCancelled(ex);
          OptimizedPrompt prompt = arb.prompt(run.disruption, input);
          return new ModelRequest(arb.name(), Tier.ARBITRATOR, phase, profile, arb.systemPrompt(), true,
              List.of(Message.user(prompt.text())), arb.replyFormat());
        }, run.executor),
        request -> ex.callAndParse(request, arb::parse).thenCompose(first -> {
          List<Violation> violations = input.violations(first.value().plan());
          if (violations.isEmpty()) {
            return CompletableFuture.completedFuture(new Arbitration(first.value(), List.of()));
          }
          ModelRequest reask = first.request().withMoreMessages(List.of(Message.assistant(first.reply().text()),
              Message.user(Reasks.afterViolations(violations))));
          return ex.callAndParse(reask, arb::parse)
              .thenApply(second -> new Arbitration(second.value(), input.violations(second.value().plan())));
        }));
    run.track(ex);
    return work.handle((arbitration, err) -> {
      AgentCall call = ex.toCall(err, run.now() - phaseStart);
      run.recordCall(call);
      run.recordPhase(new PhaseTiming(phase, run.now() - phaseStart));
      if (run.cancelled()) {
        return null;
      }
      if (err != null) {
        return stop(run, HaltReason.arbitratorFailed(arb.name(), call.status(), String.valueOf(call.error())),
            List.of(), input.missing(), recsMap(input.revised()));
      }
      if (!arbitration.violations().isEmpty()) {
        return stop(run, HaltReason.safetyViolation(arb.name(), arbitration.ruling().plan().summary(),
            arbitration.violations()), arbitration.violations(), input.missing(), recsMap(input.revised()));
      }
      Ruling ruling = arbitration.ruling();
      Decision.Status status = input.missing().isEmpty() ? Decision.Status.DECIDED : Decision.Status.DEGRADED;
      return new Decision(run.disruption.id(), status, Optional.of(ruling), input.revised(), input.missing(), List.of(),
          null, ruling.confidence() < config.reviewThreshold(), report(run));
    });
  }

  private record Arbitration(Ruling ruling, List<Violation> violations) {}

  /** Reads and prompts queued before a cancellation do not start after it. */
  private static void notCancelled(CallExecution ex) {
    if (ex.cancelRequested()) {
      throw new java.util.concurrent.CancellationException("cancelled before gathering");
    }
  }

  private static Map<String, Recommendation> recsMap(List<Recommendation> recs) {
    Map<String, Recommendation> m = new LinkedHashMap<>();
    recs.forEach(r -> m.put(r.agent(), r));
    return m;
  }

  private Decision stop(RunContext run, HaltReason reason, List<Violation> violations, List<MissingAgent> missing,
      Map<String, Recommendation> recs) {
    run.withMdc(() -> RunContext.log().warn("run {}: {}", reason.kind() == HaltReason.Kind.NOT_CLEARED ? "referred"
        : "halted", reason));
    Decision.Status status = reason.kind() == HaltReason.Kind.NOT_CLEARED ? Decision.Status.REFERRED
        : Decision.Status.HALTED;
    return new Decision(run.disruption.id(), status, Optional.empty(), List.copyOf(inAgentOrder(recs).values()), missing,
        violations, reason, true, report(run));
  }

  private RunReport report(RunContext run) {
    return new RunReport(run.disruption.id(), run.calls(agentOrder), run.phases(), run.now() - run.startNanos,
        run.resumedPhases());
  }

  private CallExecution execution(RunContext run, String agent, Tier tier, Phase phase) {
    return new CallExecution(agent, tier, phase, config.routing().profileFor(agent, tier),
        policies.get(agent + "/" + phase), gateway, run.executor, run);
  }

  private AgentCall skipped(AgentSpec<?> spec, Phase phase, String why) {
    ModelProfile p = config.routing().profileFor(spec.name(), spec.tier());
    return new AgentCall(spec.name(), spec.tier(), phase, CallStatus.SKIPPED, 0, 0, 0, p.modelId(),
        io.skymarshal.model.TokenUsage.ZERO, 0, false, why);
  }

  private <V> Map<String, V> inAgentOrder(Map<String, V> m) {
    Map<String, V> ordered = new LinkedHashMap<>();
    for (AgentSpec<?> a : config.agents()) {
      if (m.containsKey(a.name())) {
        ordered.put(a.name(), m.get(a.name()));
      }
    }
    return ordered;
  }
}
