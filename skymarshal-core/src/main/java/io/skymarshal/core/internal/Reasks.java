package io.skymarshal.core.internal;

import io.skymarshal.core.ReplyFormatException;
import io.skymarshal.core.Violation;
import java.util.List;

/** The follow-up messages the engine sends after a bad reply: compact XML, data escaped. */
final class Reasks {
  private Reasks() {}

  /** After a reply that did not parse: the error, and the demand to answer in the format. */
  static String afterFormatError(ReplyFormatException e) {
    return "<reask><error>" + escape(e.getMessage()) + "</error>"
        + "<task>Reply again: only the JSON object of the required format.</task></reask>";
  }

  /** After a ruling that broke safety: each violation, and the demand to rule again. */
  static String afterViolations(List<Violation> violations) {
    StringBuilder sb = new StringBuilder("<reask>");
    for (Violation v : violations) {
      sb.append("<violation kind=\"").append(escape(v.kind())).append("\" subject=\"").append(escape(v.subject()))
          .append("\">").append(escape(v.detail())).append("</violation>");
    }
    return sb.append("<task>Your plan breaks the safety rules above. Rule again with a plan that keeps every SAFETY"
        + " constraint and uses only aircraft and crew the SAFETY agents examined.</task></reask>").toString();
  }

  /** Escapes XML metacharacters and drops characters XML 1.0 cannot carry. */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        default -> {
          if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
            sb.append(c);
          } else {
            sb.append('?');
          }
        }
      }
    }
    return sb.toString();
  }
}
