package io.skymarshal.examples.perf;

/**
 * A cost or latency lever of the optimized configuration, each on by default and switchable off
 * ({@code --without}), so its share of the savings shows.
 */
public enum Lever {
  /** Business agents on Claude Haiku 4.5 (the baseline puts every agent on Sonnet 4.5). */
  TIERED_MODELS("tiered-models", "SAFETY and arbitrator on Sonnet 4.5, BUSINESS on Haiku 4.5"),
  /** Compact XML prompts instead of the VERBOSE prose and JSON dumps. */
  XML_PROMPTS("xml-prompts", "compact XML prompts instead of VERBOSE"),
  /** Prompt-cache checkpoints: after the static system prompt and, with {@link #CONTINUATION}, the Phase-1 turn. */
  CACHE_POINTS("cache-points", "prompt-cache checkpoints"),
  /** One batched read per table instead of one GetItem per key. */
  BATCHED_READS("batched-reads", "batched reads (BatchGetItem) instead of single-item reads"),
  /** Phase 2 continues the Phase-1 conversation: Phase-1 turn re-sent unchanged (cached), then only the peers. */
  CONTINUATION("continuation", "Phase 2 continues the Phase-1 conversation; only the peers are new"),
  /** Replies cite the constraints the agent computed in code by id instead of restating them. */
  CONSTRAINT_REFS("constraint-refs", "replies cite computed constraints by id; Phase-2 replies say what changed"),
  /**
   * Worked examples in the Sonnet agents' system prompts (with {@link #CONSTRAINT_REFS} only: they
   * show its reply form), which bring each static prefix past the 1,024-token cache minimum.
   */
  CACHED_EXAMPLES("cached-examples", "worked examples that bring the Sonnet agents' static prefixes to the cache minimum"),
  /** In Phase 2 the SAFETY agents see only the SAFETY peers: business preferences do not change what is safe. */
  SAFETY_PEERS_ONLY("safety-peers-only", "SAFETY agents revise seeing only SAFETY peers");

  private final String option;
  private final String description;

  Lever(String option, String description) {
    this.option = option;
    this.description = description;
  }

  /** The name on the command line. */
  public String option() {
    return option;
  }

  public String description() {
    return description;
  }

  /** The lever named {@code option} on the command line. */
  public static Lever fromOption(String option) {
    for (Lever l : values()) {
      if (l.option.equals(option)) {
        return l;
      }
    }
    throw new IllegalArgumentException("no lever '" + option + "'; levers: "
        + java.util.Arrays.stream(values()).map(Lever::option).toList());
  }
}
