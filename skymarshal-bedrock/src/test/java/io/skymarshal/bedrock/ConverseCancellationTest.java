package io.skymarshal.bedrock;

import static io.skymarshal.bedrock.TestClients.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.model.ModelException;
import io.skymarshal.model.ModelProfiles;
import io.skymarshal.model.ModelReply;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

/** The future the client returns, seen from the SDK side through a hand-held SDK future. */
class ConverseCancellationTest {

  /** An SDK client whose converse future the test completes or inspects. */
  static final class HeldSdk implements BedrockRuntimeAsyncClient {
    final CompletableFuture<ConverseResponse> pending = new CompletableFuture<>();
    boolean closed;

    @Override
    public CompletableFuture<ConverseResponse> converse(ConverseRequest request) {
      return pending;
    }

    @Override
    public String serviceName() {
      return SERVICE_NAME;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void call_whenReturnedFutureCancelled_cancelsTheSdkCall() {
    HeldSdk sdk = new HeldSdk();
    ConverseModelClient client = ConverseModelClient.wrapping(sdk);

    CompletableFuture<ModelReply> future = client.call(request(ModelProfiles.CLAUDE_HAIKU_4_5, "q"));
    future.cancel(true);

    assertThat(sdk.pending).isCancelled();
  }

  @Test
  void call_whenSdkFailsWrappedInCompletionException_failsWithModelExceptionUnwrapped() {
    HeldSdk sdk = new HeldSdk();
    ConverseModelClient client = ConverseModelClient.wrapping(sdk);
    CompletableFuture<ModelReply> future = client.call(request(ModelProfiles.CLAUDE_HAIKU_4_5, "q"));

    sdk.pending.completeExceptionally(new CompletionException(
        ThrottlingException.builder().message("slow down").statusCode(429).build()));

    Throwable e = future.handle((r, t) -> t).join();
    assertThat(e).isInstanceOf(ModelException.class);
    assertThat(((ModelException) e).kind()).isEqualTo(ModelException.Kind.THROTTLED);
  }

  @Test
  void close_whenWrappingACallersClient_leavesItOpen() {
    HeldSdk sdk = new HeldSdk();

    ConverseModelClient.wrapping(sdk).close();

    assertThat(sdk.closed).isFalse();
  }

  @Test
  void region_whenWrappedClientHidesItsConfiguration_isUnknown() {
    assertThat(ConverseModelClient.wrapping(new HeldSdk()).region()).isEqualTo("unknown");
  }
}
