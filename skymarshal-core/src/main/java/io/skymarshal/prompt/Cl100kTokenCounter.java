package io.skymarshal.prompt;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.Objects;

/**
 * {@link TokenCounter#cl100k()}: jtokkit's cl100k_base, loaded lazily. jtokkit is an optional
 * dependency of core, so nothing here touches it before the first count. Thread-safe.
 */
final class Cl100kTokenCounter implements TokenCounter {
  static final Cl100kTokenCounter INSTANCE = new Cl100kTokenCounter();

  private Cl100kTokenCounter() {}

  @Override
  public int count(String text) {
    Objects.requireNonNull(text, "text");
    // ordinary: data such as "<|endoftext|>" is text to count, not a control token
    return encoding().countTokensOrdinary(text);
  }

  private static Encoding encoding() {
    try {
      return Holder.ENCODING;
    } catch (NoClassDefFoundError e) {
      throw new IllegalStateException("TokenCounter.cl100k() needs com.knuddels:jtokkit on the class path"
          + " (skymarshal-airline brings it; skymarshal-core declares it optional)", e);
    }
  }

  @Override
  public String toString() {
    return "cl100k_base";
  }

  private static final class Holder {
    static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
  }
}
