package io.skymarshal.testkit.model;

import io.skymarshal.core.AgentSpec;
import io.skymarshal.core.ArbitrationInput;
import io.skymarshal.core.ArbitratorSpec;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.Phase;
import io.skymarshal.core.Recommendation;
import io.skymarshal.core.Ruling;
import io.skymarshal.core.SafetyAssessment;
import io.skymarshal.data.DataAccess;
import io.skymarshal.model.Message;
import io.skymarshal.model.ModelReply;
import io.skymarshal.model.ModelRequest;
import io.skymarshal.model.ReplyFormat;
import io.skymarshal.prompt.OptimizedPrompt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Lets a rules-based model answer prompts it cannot read. The offline model reads XML prompts
 * only; a VERBOSE prompt carries the same information as prose and JSON dumps. Agents wrapped
 * here send the prompts of one style (the one being measured) and record, for each, the prompt
 * the same agent writes in another style from the same input (the one the answering model reads);
 * {@link SimulatedModel} swaps them before asking its answerer, and counts tokens and time on what
 * was really sent. Thread-safe; remembers the latest {@value #CAPACITY} prompts.
 */
public final class PromptTwins {
  static final int CAPACITY = 50_000;
  private final Map<String, String> twins = new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > CAPACITY;
    }
  };

  /** The readable twin of {@code sent}, or {@code sent} itself when none was recorded. */
  public String readable(String sent) {
    synchronized (twins) {
      return twins.getOrDefault(sent, sent);
    }
  }

  /** {@code request} with every user message replaced by its recorded twin. */
  public ModelRequest readable(ModelRequest request) {
    List<Message> out = new ArrayList<>(request.messages().size());
    boolean changed = false;
    for (Message m : request.messages()) {
      String t = m.role() == Message.Role.USER ? readable(m.text()) : m.text();
      changed |= !t.equals(m.text());
      out.add(new Message(m.role(), t, m.cachePoint()));
    }
    if (!changed) {
      return request;
    }
    return new ModelRequest(request.agent(), request.tier(), request.phase(), request.profile(), request.systemPrompt(),
        request.cacheSystemPrompt(), out, request.replyFormat());
  }

  void record(String sent, String readable) {
    if (!sent.equals(readable)) {
      synchronized (twins) {
        twins.put(sent, readable);
      }
    }
  }

  /**
   * Agents that behave as {@code sending} (name, tier, system prompt, reads, parsing) and record
   * the prompt of the agent of the same name in {@code readable} as the twin of each they send.
   *
   * @throws IllegalArgumentException if the two lists do not name the same agents in the same order
   */
  public List<AgentSpec<?>> agents(List<AgentSpec<?>> sending, List<AgentSpec<?>> readable) {
    if (sending.size() != readable.size()) {
      throw new IllegalArgumentException("twin lists differ in size: " + sending.size() + " and " + readable.size());
    }
    List<AgentSpec<?>> out = new ArrayList<>(sending.size());
    for (int i = 0; i < sending.size(); i++) {
      if (!sending.get(i).name().equals(readable.get(i).name())) {
        throw new IllegalArgumentException("twin lists differ at " + i + ": " + sending.get(i).name() + " and "
            + readable.get(i).name());
      }
      out.add(twin(sending.get(i), readable.get(i)));
    }
    return List.copyOf(out);
  }

  /** An arbitrator that behaves as {@code sending} and records the prompt of {@code readable} as each one's twin. */
  public ArbitratorSpec arbitrator(ArbitratorSpec sending, ArbitratorSpec readable) {
    Objects.requireNonNull(sending, "sending");
    Objects.requireNonNull(readable, "readable");
    return new ArbitratorSpec() {
      @Override
      public String name() {
        return sending.name();
      }

      @Override
      public String systemPrompt() {
        return sending.systemPrompt();
      }

      @Override
      public ReplyFormat replyFormat() {
        return sending.replyFormat();
      }

      @Override
      public OptimizedPrompt prompt(Disruption disruption, ArbitrationInput input) {
        OptimizedPrompt p = sending.prompt(disruption, input);
        record(p.text(), readable.prompt(disruption, input).text());
        return p;
      }

      @Override
      public Ruling parse(ModelReply reply) {
        return sending.parse(reply);
      }
    };
  }

  @SuppressWarnings("unchecked")
  private <I> AgentSpec<I> twin(AgentSpec<I> sending, AgentSpec<?> other) {
    AgentSpec<I> readable = (AgentSpec<I>) other;
    return new AgentSpec<>() {
      @Override
      public String name() {
        return sending.name();
      }

      @Override
      public io.skymarshal.core.Tier tier() {
        return sending.tier();
      }

      @Override
      public String systemPrompt() {
        return sending.systemPrompt();
      }

      @Override
      public ReplyFormat replyFormat() {
        return sending.replyFormat();
      }

      @Override
      public I gather(Disruption disruption, DataAccess data) {
        return sending.gather(disruption, data);
      }

      @Override
      public SafetyAssessment assess(Disruption disruption, I input) {
        return sending.assess(disruption, input);
      }

      @Override
      public OptimizedPrompt prompt(Phase phase, Disruption disruption, I input, List<Recommendation> peers) {
        OptimizedPrompt p = sending.prompt(phase, disruption, input, peers);
        record(p.text(), readable.prompt(phase, disruption, input, peers).text());
        return p;
      }

      @Override
      public Optional<OptimizedPrompt> revisionFollowUp(Disruption disruption, I input, List<Recommendation> peers) {
        Optional<OptimizedPrompt> p = sending.revisionFollowUp(disruption, input, peers);
        p.ifPresent(sent -> readable.revisionFollowUp(disruption, input, peers)
            .ifPresent(r -> record(sent.text(), r.text())));
        return p;
      }

      @Override
      public Recommendation parse(Phase phase, ModelReply reply) {
        return sending.parse(phase, reply);
      }

      @Override
      public String toString() {
        return sending + " (twinned)";
      }
    };
  }
}
