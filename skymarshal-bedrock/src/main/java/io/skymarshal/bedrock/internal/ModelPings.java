package io.skymarshal.bedrock.internal;

import io.skymarshal.core.Phase;
import io.skymarshal.core.Tier;
import io.skymarshal.model.Message;
import io.skymarshal.model.ModelClient;
import io.skymarshal.model.ModelException;
import io.skymarshal.model.ModelProfile;
import io.skymarshal.model.ModelReply;
import io.skymarshal.model.ModelRequest;
import io.skymarshal.preflight.PreflightCheck;
import io.skymarshal.preflight.PreflightCheck.Kind;
import io.skymarshal.preflight.PreflightCheck.Problem;
import io.skymarshal.preflight.TransportFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * The model and endpoint checks of {@code BedrockPreflight}: one minimal call per model id. The
 * first call tells whether the endpoint answers at all; only then are the other models called,
 * all at once. Used for one run, by one thread.
 */
public final class ModelPings {

  /** A model id the routing calls, its profile and who calls it ({@code safety}, {@code agent fuel}). */
  public record Routed(ModelProfile profile, List<String> users) {
    public Routed {
      users = List.copyOf(users);
    }
  }

  /** Codes with which AWS refuses the credentials themselves rather than access to the model. */
  private static final Set<String> BAD_CREDENTIALS = Set.of("UnrecognizedClientException",
      "InvalidSignatureException", "ExpiredTokenException", "InvalidClientTokenId", "SignatureDoesNotMatch");

  private final ModelClient client;
  private final String service;
  private final String region;
  private final String endpoint;
  private final boolean overridden;
  private final Duration timeout;
  private final String prompt;
  private final int maxTokens;
  private final String agent;

  /**
   * @param endpoint   the endpoint's URL, for the checks' text
   * @param overridden whether the endpoint was set rather than Bedrock's public one
   * @param timeout    how long to wait for each call
   */
  public ModelPings(ModelClient client, String service, String region, String endpoint, boolean overridden,
      Duration timeout, String prompt, int maxTokens, String agent) {
    this.client = client;
    this.service = service;
    this.region = region;
    this.endpoint = endpoint;
    this.overridden = overridden;
    this.timeout = timeout;
    this.prompt = prompt;
    this.maxTokens = maxTokens;
    this.agent = agent;
  }

  /** The endpoint check followed by one check per model, in the order given. */
  public List<PreflightCheck> check(List<Routed> models) {
    List<PreflightCheck> out = new ArrayList<>();
    if (models.isEmpty()) {
      out.add(PreflightCheck.skipped(service, Kind.ENDPOINT, endpoint, "not tried: the routing sends no calls"));
      return out;
    }
    Routed first = models.get(0);
    Outcome firstOutcome = await(ping(first));
    Optional<String> unreachable = firstOutcome.unreachable();
    if (unreachable.isPresent()) {
      String remedy = overridden
          ? "check that the endpoint override (SKYMARSHAL_BEDROCK_ENDPOINT) " + endpoint + " is right and serves "
              + "Bedrock Runtime for region " + region
          : "check that this machine reaches " + endpoint + " over HTTPS (network, proxy, firewall, VPC endpoint) "
              + "and that Bedrock is offered in region " + region;
      out.add(PreflightCheck.failed(service, Kind.ENDPOINT, endpoint, Problem.UNREACHABLE,
          "cannot reach Bedrock at " + endpoint + " (region " + region + "): " + unreachable.get(), remedy));
      models.forEach(m -> out.add(PreflightCheck.skipped(service, Kind.MODEL, m.profile().modelId(),
          "not tried: the endpoint cannot be reached")));
      return out;
    }
    out.add(PreflightCheck.passed(service, Kind.ENDPOINT, endpoint, "answered (region " + region + ")"));
    List<CompletableFuture<ModelReply>> rest = models.subList(1, models.size()).stream().map(this::ping).toList();
    out.add(firstOutcome.check(first));
    for (int i = 0; i < rest.size(); i++) {
      out.add(await(rest.get(i)).check(models.get(i + 1)));
    }
    return out;
  }

  private CompletableFuture<ModelReply> ping(Routed model) {
    ModelRequest request = new ModelRequest(agent, Tier.BUSINESS, Phase.INITIAL,
        model.profile().withMaxTokens(maxTokens), "", false, List.of(Message.user(prompt)), null);
    try {
      return client.call(request);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private Outcome await(CompletableFuture<ModelReply> call) {
    try {
      return new Outcome(call.get(timeout.toNanos(), TimeUnit.NANOSECONDS), null, false);
    } catch (TimeoutException e) {
      call.cancel(true);
      return new Outcome(null, e, true);
    } catch (ExecutionException | CompletionException e) {
      return new Outcome(null, e.getCause() == null ? e : e.getCause(), false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      call.cancel(true);
      return new Outcome(null, e, false);
    }
  }

  /** How one call ended: a reply, or an error, or no answer in time. */
  private final class Outcome {
    private final ModelReply reply;
    private final Throwable error;
    private final boolean timedOut;

    Outcome(ModelReply reply, Throwable error, boolean timedOut) {
      this.reply = reply;
      this.error = error;
      this.timedOut = timedOut;
    }

    /** Why the endpoint was not reached, if it was not: an I/O failure, or no answer at all in time. */
    Optional<String> unreachable() {
      if (timedOut) {
        return Optional.of("no answer within " + seconds(timeout));
      }
      return error == null || serviceError(error).isPresent() ? Optional.empty() : TransportFailure.describe(error);
    }

    PreflightCheck check(Routed model) {
      String id = model.profile().modelId();
      String users = String.join(", ", model.users());
      if (reply != null) {
        return PreflightCheck.passed(service, Kind.MODEL, id, "answered (" + users + "): stop " + reply.stopReason()
            + ", " + reply.usage().inputTokens() + " tokens in, " + reply.usage().outputTokens() + " out");
      }
      if (timedOut) {
        return PreflightCheck.failed(service, Kind.MODEL, id, Problem.SERVICE_ERROR, "no answer within "
            + seconds(timeout) + " in region " + region, "run the check again; if it persists, look at the AWS Health "
            + "Dashboard for Bedrock in " + region);
      }
      Optional<AwsServiceException> aws = serviceError(error);
      String said = aws.map(ModelPings::said).orElseGet(() -> String.valueOf(error.getMessage()));
      String detail = "refused in region " + region + " (" + users + "): " + said;
      ModelException.Kind kind = error instanceof ModelException me ? me.kind() : ModelException.Kind.OTHER;
      return switch (kind) {
        case ACCESS_DENIED -> aws.map(ModelPings::code).filter(BAD_CREDENTIALS::contains).isPresent()
            ? PreflightCheck.failed(service, Kind.MODEL, id, Problem.ACCESS_DENIED, detail, "AWS refused the "
                + "credentials themselves: refresh them ('aws sso login', new keys) or choose another profile")
            : PreflightCheck.failed(service, Kind.MODEL, id, Problem.ACCESS_DENIED, detail, "enable access to this "
                + "model in the Bedrock console (Model access) of " + region + ", and allow bedrock:InvokeModel on "
                + "its inference profile and foundation model for these credentials");
        case UNKNOWN_MODEL -> PreflightCheck.failed(service, Kind.MODEL, id, Problem.NOT_FOUND, detail,
            "check the model id (SKYMARSHAL_<TIER>_MODEL): Bedrock in " + region + " does not know it; use an "
                + "inference profile offered there (global., us., eu., ...)");
        case THROTTLED -> PreflightCheck.failed(service, Kind.MODEL, id, Problem.THROTTLED, detail,
            "run the check again later; if it persists, raise this model's quota in Service Quotas");
        case VALIDATION -> PreflightCheck.failed(service, Kind.MODEL, id, Problem.SERVICE_ERROR, detail,
            "Bedrock rejected a minimal call: check the model id, and call the model through an inference "
                + "profile (global., us., eu., ...) if it needs one");
        case TIMEOUT, SERVER_ERROR, OTHER -> PreflightCheck.failed(service, Kind.MODEL, id, Problem.SERVICE_ERROR,
            detail, "run the check again; if it persists, look at the AWS Health Dashboard for Bedrock in " + region);
      };
    }
  }

  private static Optional<AwsServiceException> serviceError(Throwable error) {
    for (Throwable c = error; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof AwsServiceException aws) {
        return Optional.of(aws);
      }
    }
    return Optional.empty();
  }

  private static String code(AwsServiceException e) {
    return e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
  }

  /** What the service said: its error code, HTTP status and message. */
  private static String said(AwsServiceException e) {
    String msg = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
    return code(e) + " (HTTP " + e.statusCode() + "): " + (msg == null ? e.getMessage() : msg);
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
