package io.skymarshal.aws;

import io.skymarshal.preflight.PreflightCheck;
import io.skymarshal.preflight.PreflightCheck.Kind;
import io.skymarshal.preflight.PreflightCheck.Problem;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.auth.credentials.WebIdentityTokenFileCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The preflight checks every AWS service client shares: the region and the credentials. Used by
 * the Bedrock and the DynamoDB preflights, and by an adapter of your own; each returns one
 * {@link PreflightCheck} naming what to do when it fails. Stateless.
 */
public final class AwsChecks {

  /** The sources of the SDK's default credential chain, in its order. */
  private static final String CHAIN = "JVM system properties, environment variables, web identity token file, "
      + "profile, container role, instance role";

  private AwsChecks() {}

  /**
   * The region check: set, and known to the SDK.
   *
   * @param howToSet the settings that choose the region, for the remedy (e.g. {@code SKYMARSHAL_REGION or AWS_REGION})
   * @param endpoint the endpoint the region leads to, for the failure's text
   */
  public static PreflightCheck region(String service, Optional<Region> region, String howToSet, String endpoint) {
    if (region.isEmpty()) {
      return PreflightCheck.failed(service, Kind.REGION, "(none)", Problem.NO_REGION,
          "no region is set and the SDK's region chain (AWS_REGION, aws.region, the profile's region) has none",
          "set " + howToSet + " to the region to use, e.g. us-east-1");
    }
    String id = region.get().id();
    if (!Region.regions().contains(region.get())) {
      return PreflightCheck.failed(service, Kind.REGION, id, Problem.UNKNOWN_REGION,
          "'" + id + "' is not a region the AWS SDK knows, so its endpoint " + endpoint + " cannot exist",
          "set " + howToSet + " to a real region id, e.g. us-east-1, us-west-2 or eu-west-1 (check for a typo)");
    }
    return PreflightCheck.passed(service, Kind.REGION, id, "known to the AWS SDK");
  }

  /**
   * The credentials check: {@code provider} resolves credentials, and from which source. For the
   * SDK's default chain the source is found by asking the chain's providers in the chain's order.
   * Never puts a key, secret or token into the check.
   *
   * @param profile  the profile the default chain reads, if one was chosen
   * @param howToSet the setting that chooses the profile, for the remedy
   * @param calling  what the credentials are for, for the failure's text, e.g. {@code Bedrock in
   *                 region us-east-1 at https://...}
   */
  public static PreflightCheck credentials(String service, IdentityProvider<? extends AwsCredentialsIdentity> provider,
      Optional<String> profile, String howToSet, String calling) {
    boolean chain = provider instanceof DefaultCredentialsProvider;
    String subject = chain ? "default chain" + profile.map(p -> " (profile " + p + ")").orElse("")
        : provider.getClass().getSimpleName();
    try {
      provider.resolveIdentity().join();
    } catch (RuntimeException e) {
      if (!chain) {
        return PreflightCheck.failed(service, Kind.CREDENTIALS, subject, Problem.NO_CREDENTIALS,
            "no credentials to call " + calling + ": the credentials provider failed: " + firstLine(e),
            "fix the credentials given to the client");
      }
      return PreflightCheck.failed(service, Kind.CREDENTIALS, subject, Problem.NO_CREDENTIALS,
          "no credentials to call " + calling + ": the SDK's default chain found none (it tried " + CHAIN + ")",
          "set " + howToSet + " to a profile with credentials (after 'aws sso login' for an SSO profile), or export "
              + "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run with an instance or task role");
    }
    if (!chain) {
      return PreflightCheck.passed(service, Kind.CREDENTIALS, subject, "resolved by " + subject);
    }
    return PreflightCheck.passed(service, Kind.CREDENTIALS, subject, "resolved from " + source(profile));
  }

  /** The first source of the default chain that answers, named for people. */
  private static String source(Optional<String> profile) {
    List<Source> sources = List.of(
        new Source("JVM system properties aws.accessKeyId, aws.secretAccessKey", SystemPropertyCredentialsProvider::create),
        new Source("environment variables AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY",
            EnvironmentVariableCredentialsProvider::create),
        new Source("the web identity token file (AWS_WEB_IDENTITY_TOKEN_FILE)", WebIdentityTokenFileCredentialsProvider::create),
        new Source("profile " + profile.orElse("of AWS_PROFILE, else default") + " (~/.aws)",
            () -> profile.map(p -> ProfileCredentialsProvider.builder().profileName(p).build())
                .orElseGet(ProfileCredentialsProvider::create)),
        new Source("the container's role (ECS or EKS)", () -> ContainerCredentialsProvider.builder().build()),
        new Source("the instance's role (EC2 instance metadata)", InstanceProfileCredentialsProvider::create));
    for (Source s : sources) {
      AwsCredentialsProvider p = null;
      try {
        p = s.provider().get();
        p.resolveCredentials();
        return s.name();
      } catch (RuntimeException notThisOne) {
        // the chain moves on to the next source; so does this
      } finally {
        if (p instanceof AutoCloseable c) {
          try {
            c.close();
          } catch (Exception ignored) {
            // closing a probe cannot change which source answered
          }
        }
      }
    }
    return "the SDK's default chain (source not identified)";
  }

  private static String firstLine(Throwable e) {
    String msg = String.valueOf(e.getCause() != null && e instanceof java.util.concurrent.CompletionException
        ? e.getCause().getMessage() : e.getMessage());
    int nl = msg.indexOf('\n');
    return nl < 0 ? msg : msg.substring(0, nl);
  }

  private record Source(String name, Supplier<AwsCredentialsProvider> provider) {}
}
