package io.skymarshal.prompt;

/** How prompts are written. */
public enum PromptStyle {
  /** Compact XML for machines: the default. */
  XML,
  /** The pre-optimisation style: prose and JSON dumps. Kept as the measured baseline. */
  VERBOSE
}
