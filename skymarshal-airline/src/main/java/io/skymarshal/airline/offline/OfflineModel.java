package io.skymarshal.airline.offline;

import io.skymarshal.airline.agent.AirlineAgents;
import io.skymarshal.airline.rules.ArbitrationWeights;
import io.skymarshal.airline.rules.ColdChainRules;
import io.skymarshal.airline.rules.CrewRules;
import io.skymarshal.airline.rules.DelayPropagation;
import io.skymarshal.airline.rules.Eu261;
import io.skymarshal.airline.rules.RegulatoryRules;
import io.skymarshal.core.Tier;
import io.skymarshal.model.Message;
import io.skymarshal.model.ModelClient;
import io.skymarshal.model.ModelException;
import io.skymarshal.model.ModelReply;
import io.skymarshal.model.ModelRequest;
import io.skymarshal.model.TokenUsage;
import io.skymarshal.prompt.PromptParseException;
import io.skymarshal.prompt.PromptXml;
import io.skymarshal.prompt.TokenCounter;
import io.skymarshal.prompt.XmlElement;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A deterministic {@link ModelClient} that needs no network: it answers each airline agent and
 * the arbitrator in the agreed JSON reply format by reading the XML prompt it is sent (the first
 * user message that is an XML prompt) and applying the domain rules in code
 * ({@code io.skymarshal.airline.rules}). For example: a crew member released after their FDP
 * limit gives CREW_CHANGE (or DENIED without a reserve) with crew_duty_limit constraints; an
 * expired MEL item gives AOG with aircraft_grounded; an arrival inside a curfew gives VIOLATION;
 * the arbitrator picks the option that keeps every safety constraint at the best weighted
 * business score and says why. It is what the offline quick start runs on.
 *
 * <p>Usage is counted with a {@link TokenCounter} (default cl100k_base): input = system prompt +
 * messages + the reply format's schema; output = the reply. With
 * {@link ModelRequest#cacheSystemPrompt()}, and a prefix (reply schema + system prompt) of at least
 * the model's {@link io.skymarshal.model.ModelProfile#minCacheTokens()}, the prefix counts as a
 * cache write the first time this instance sees it and a cache read afterwards, as on Bedrock;
 * a shorter prefix is not cached at all. Futures complete at once,
 * or after {@link Builder#latency} for demonstrations. It reads {@code PromptStyle.XML} prompts
 * only: a request without one fails with {@link ModelException.Kind#VALIDATION}, as does an
 * agent it does not know; an agent of your own is answered by the {@link OfflineDecider} given for
 * it ({@link Builder#decider}). Thread-safe.
 */
public final class OfflineModel implements ModelClient {
  /** The model id in replies and errors. */
  public static final String MODEL_ID = "offline";

  private final TokenCounter tokens;
  private final Duration latency;
  private final Set<String> cachedSystemPrompts = ConcurrentHashMap.newKeySet();
  private final CrewDecider crew = new CrewDecider(CrewRules.defaults());
  private final MaintenanceDecider maintenance = new MaintenanceDecider();
  private final RegulatoryDecider regulatory = new RegulatoryDecider(RegulatoryRules.defaults());
  private final NetworkDecider network = new NetworkDecider(DelayPropagation.defaults());
  private final GuestDecider guest = new GuestDecider(Eu261.defaults());
  private final CargoDecider cargo = new CargoDecider(ColdChainRules.defaults());
  private final FinanceDecider finance = new FinanceDecider(Eu261.defaults());
  private final ArbitrationDecider arbitrator = new ArbitrationDecider(ArbitrationWeights.defaults());
  private final java.util.Map<String, OfflineDecider> deciders;

  private OfflineModel(Builder b) {
    this.tokens = b.tokens;
    this.latency = b.latency;
    this.deciders = java.util.Map.copyOf(b.deciders);
    // load the encoding here (about a second the first time) rather than inside a run's timings
    tokens.count("warm-up");
  }

  /** An offline model with the defaults: cl100k_base counting, no latency. */
  public static OfflineModel create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public CompletableFuture<ModelReply> call(ModelRequest request) {
    Objects.requireNonNull(request, "request");
    ModelReply reply;
    try {
      reply = answer(request);
    } catch (ModelException e) {
      return CompletableFuture.failedFuture(e);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(new ModelException(ModelException.Kind.VALIDATION, MODEL_ID,
          "offline model could not answer " + request.agent() + " (" + request.phase().reportName() + "): "
              + e.getMessage(), e));
    }
    if (latency.isZero()) {
      return CompletableFuture.completedFuture(reply);
    }
    // complete on the delay timer's own thread: the default async executor starts a new thread
    // per task where the common pool has fewer than two threads (a 2-core JDK 17)
    return CompletableFuture.supplyAsync(() -> reply,
        CompletableFuture.delayedExecutor(latency.toNanos(), TimeUnit.NANOSECONDS, Runnable::run));
  }

  private ModelReply answer(ModelRequest request) {
    PromptView view = new PromptView(prompt(request));
    String agent = request.agent();
    String text = switch (agent) {
      case "crew_compliance" -> crew.decide(view).toJson();
      case "maintenance" -> maintenance.decide(view).toJson();
      case "regulatory" -> regulatory.decide(view).toJson();
      case "network" -> network.decide(view).toJson();
      case "guest_experience" -> guest.decide(view).toJson();
      case "cargo" -> cargo.decide(view).toJson();
      case "finance" -> finance.decide(view).toJson();
      default -> {
        OfflineDecider own = deciders.get(agent);
        if (own != null) {
          yield own.reply(view.root(), request);
        }
        if (request.tier() == Tier.ARBITRATOR || agent.equals("arbitrator")) {
          yield arbitrator.decide(view);
        }
        throw new ModelException(ModelException.Kind.VALIDATION, MODEL_ID, "offline model knows no agent '" + agent
            + "'; it answers " + AirlineAgents.NAMES + ", the arbitrator and agents given a decider with"
            + " OfflineModel.builder().decider(name, decider)" + (deciders.isEmpty() ? "" : " " + deciders.keySet()));
      }
    };
    if (request.tier() != Tier.ARBITRATOR && ShortReplies.wanted(request, view)) {
      text = ShortReplies.apply(text, view, request);
    }
    return new ModelReply(text, usage(request, text), MODEL_ID, "end_turn");
  }

  /**
   * The prompt to answer: the first user message that is an XML prompt, with what later XML
   * prompts of the conversation add or replace (a Phase-2 follow-up that continues the Phase-1
   * conversation brings only {@code <context>} and {@code <task>}: the disruption and the data
   * stay those of Phase 1). Re-asks ({@code <reask>}) are not prompts.
   */
  private static XmlElement prompt(ModelRequest request) {
    PromptParseException last = null;
    XmlElement merged = null;
    for (Message m : request.messages()) {
      if (m.role() == Message.Role.USER && m.text().stripLeading().startsWith("<")) {
        XmlElement e;
        try {
          e = PromptXml.parse(m.text());
        } catch (PromptParseException ex) {
          last = ex;
          continue;
        }
        if (e.name().equals("reask")) {
          continue;
        }
        merged = merged == null ? e : overlay(merged, e);
      }
    }
    if (merged != null) {
      return merged;
    }
    throw new ModelException(ModelException.Kind.VALIDATION, MODEL_ID, "offline model found no XML prompt for "
        + request.agent() + "; it reads PromptStyle.XML prompts only" + (last == null ? "" : ": " + last.getMessage()));
  }

  /** {@code later} on top of {@code earlier}: its name, and its children in place of earlier ones of the same name. */
  private static XmlElement overlay(XmlElement earlier, XmlElement later) {
    java.util.Set<String> replaced = new java.util.HashSet<>();
    later.children().forEach(c -> replaced.add(c.name()));
    XmlElement.Builder b = XmlElement.builder(later.name());
    later.attributes().forEach(b::attr);
    earlier.children().stream().filter(c -> !replaced.contains(c.name())).forEach(b::child);
    return b.children(later.children()).build();
  }

  private TokenUsage usage(ModelRequest request, String reply) {
    long system = tokens.count(request.systemPrompt());
    long messages = 0;
    for (Message m : request.messages()) {
      messages += tokens.count(m.text());
    }
    long schema = request.replyFormat() == null ? 0 : tokens.count(request.replyFormat().jsonSchema());
    long out = tokens.count(reply);
    // As on Bedrock: the cacheable prefix is the tools (the reply schema) and the system prompt,
    // and a checkpoint below the model's minimum is ignored, so nothing is cached or read.
    long prefix = schema + system;
    int minimum = request.profile().minCacheTokens();
    if (!request.cacheSystemPrompt() || minimum == 0 || prefix < minimum) {
      return new TokenUsage(messages + prefix, out, 0, 0);
    }
    String key = request.modelId() + "\u0000" + request.systemPrompt() + "\u0000"
        + (request.replyFormat() == null ? "" : request.replyFormat().jsonSchema());
    boolean firstTime = cachedSystemPrompts.add(key);
    return firstTime ? new TokenUsage(messages, out, 0, prefix) : new TokenUsage(messages, out, prefix, 0);
  }

  /** Builds an {@link OfflineModel}. Not thread-safe. */
  public static final class Builder {
    private TokenCounter tokens = TokenCounter.cl100k();
    private Duration latency = Duration.ZERO;
    private final java.util.Map<String, OfflineDecider> deciders = new java.util.LinkedHashMap<>();
    private final io.skymarshal.core.spi.BuilderSettings given = new io.skymarshal.core.spi.BuilderSettings();

    private Builder() {}

    /** How usage is counted; default {@link TokenCounter#cl100k()}. */
    public Builder tokenCounter(TokenCounter tokens) {
      Objects.requireNonNull(tokens, "tokens");
      given.once("tokenCounter");
      this.tokens = tokens;
      return this;
    }

    /**
     * How the model answers an agent of your own named {@code agent} (the seven airline agents and
     * the arbitrator are answered by the airline rules).
     *
     * @throws IllegalArgumentException if {@code agent} is one of the airline agents or the arbitrator
     * @throws IllegalStateException    if a decider for {@code agent} was already given
     */
    public Builder decider(String agent, OfflineDecider decider) {
      Objects.requireNonNull(agent, "agent");
      Objects.requireNonNull(decider, "decider");
      if (AirlineAgents.NAMES.contains(agent) || agent.equals("arbitrator")) {
        throw new IllegalArgumentException("'" + agent + "' is answered by the airline rules; a decider is for an"
            + " agent of your own");
      }
      given.once("decider(" + agent + ")");
      deciders.put(agent, decider);
      return this;
    }

    /**
     * A delay before each reply completes, to make a demonstration look like a real model; default
     * zero (replies complete at once). Tests should leave it at zero.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder latency(Duration latency) {
      Objects.requireNonNull(latency, "latency");
      if (latency.isNegative()) {
        throw new IllegalArgumentException("latency must be >= 0 but was " + latency);
      }
      given.once("latency");
      this.latency = latency;
      return this;
    }

    public OfflineModel build() {
      return new OfflineModel(this);
    }
  }
}
