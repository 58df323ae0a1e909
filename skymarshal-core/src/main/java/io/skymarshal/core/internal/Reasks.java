package io.skymarshal.core.internal;

import io.skymarshal.core.ReplyFormatException;
import io.skymarshal.core.Violation;
import io.skymarshal.prompt.PromptXml;
import io.skymarshal.prompt.XmlElement;
import java.util.List;

/** The follow-up messages the engine sends after a bad reply: compact XML, written by {@link PromptXml}. */
final class Reasks {
  private static final XmlElement REPLY_AGAIN =
      XmlElement.text("task", "Reply again: only the JSON object of the required format.");
  private static final XmlElement RULE_AGAIN = XmlElement.text("task", "Your plan breaks the safety rules above."
      + " Rule again with a plan that keeps every SAFETY constraint and uses only aircraft and crew the SAFETY"
      + " agents examined.");

  private Reasks() {}

  /** After a reply that did not parse: the error, and the demand to answer in the format. */
  static String afterFormatError(ReplyFormatException e) {
    return PromptXml.render(XmlElement.builder("reask")
        .child(XmlElement.text("error", String.valueOf(e.getMessage()))).child(REPLY_AGAIN).build());
  }

  /** After a ruling that broke safety: each violation, and the demand to rule again. */
  static String afterViolations(List<Violation> violations) {
    XmlElement.Builder reask = XmlElement.builder("reask");
    for (Violation v : violations) {
      reask.child(XmlElement.builder("violation").attr("kind", v.kind()).attr("subject", v.subject()).text(v.detail()));
    }
    return PromptXml.render(reask.child(RULE_AGAIN).build());
  }
}
