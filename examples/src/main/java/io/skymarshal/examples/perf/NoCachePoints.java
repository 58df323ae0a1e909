package io.skymarshal.examples.perf;

import io.skymarshal.model.Message;
import io.skymarshal.model.ModelClient;
import io.skymarshal.model.ModelReply;
import io.skymarshal.model.ModelRequest;
import java.util.concurrent.CompletableFuture;

/** A model client that sends every request without prompt-cache checkpoints: the baseline's calls. */
public final class NoCachePoints implements ModelClient {
  private final ModelClient delegate;

  public NoCachePoints(ModelClient delegate) {
    this.delegate = delegate;
  }

  @Override
  public CompletableFuture<ModelReply> call(ModelRequest r) {
    return delegate.call(new ModelRequest(r.agent(), r.tier(), r.phase(), r.profile(), r.systemPrompt(), false,
        r.messages().stream().map(Message::withoutCachePoint).toList(), r.replyFormat()));
  }
}
