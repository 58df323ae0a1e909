package io.skymarshal.examples.perf;

import io.skymarshal.model.Message;
import io.skymarshal.model.ModelClient;
import io.skymarshal.model.ModelReply;
import io.skymarshal.model.ModelRequest;
import java.util.concurrent.CompletableFuture;

/**
 * A model client that sends every request without prompt-cache checkpoints: the baseline's calls.
 * Closing it closes the client it wraps, if that can be closed.
 */
public final class NoCachePoints implements ModelClient, AutoCloseable {
  private final ModelClient delegate;

  public NoCachePoints(ModelClient delegate) {
    this.delegate = delegate;
  }

  @Override
  public CompletableFuture<ModelReply> call(ModelRequest r) {
    return delegate.call(new ModelRequest(r.agent(), r.tier(), r.phase(), r.profile(), r.systemPrompt(), false,
        r.messages().stream().map(Message::withoutCachePoint).toList(), r.replyFormat()));
  }

  @Override
  public void close() throws Exception {
    if (delegate instanceof AutoCloseable c) {
      c.close();
    }
  }
}
