/**
 * Prompts for machines: a compact XML writer whose escaping no data string can break
 * ({@link io.skymarshal.prompt.PromptXml}, {@link io.skymarshal.prompt.XmlElement}), the user
 * message of each phase in the compact {@link io.skymarshal.prompt.PromptStyle#XML XML} style or
 * the {@link io.skymarshal.prompt.PromptStyle#VERBOSE VERBOSE} baseline
 * ({@link io.skymarshal.prompt.PromptComposer}), and token counting
 * ({@link io.skymarshal.prompt.TokenCounter}). Nothing here knows about airlines.
 */
package io.skymarshal.prompt;
