package io.skymarshal.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.skymarshal.preflight.PreflightCheck;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

class AwsChecksTest {

  @Test
  void region_whenNoneIsSet_failsSayingWhichSettingToUse() {
    PreflightCheck c = AwsChecks.region("bedrock", Optional.empty(), "SKYMARSHAL_REGION or AWS_REGION", "-");
    assertThat(c.status()).isEqualTo(PreflightCheck.Status.FAILED);
    assertThat(c.problem()).isEqualTo(PreflightCheck.Problem.NO_REGION);
    assertThat(c.remedy()).contains("SKYMARSHAL_REGION or AWS_REGION");
  }

  @Test
  void region_whenTheSdkDoesNotKnowIt_failsNamingItAndTheEndpoint() {
    PreflightCheck c = AwsChecks.region("dynamodb", Optional.of(Region.of("xx-fake-1")), "AWS_REGION",
        "https://dynamodb.xx-fake-1.amazonaws.com");
    assertThat(c.problem()).isEqualTo(PreflightCheck.Problem.UNKNOWN_REGION);
    assertThat(c.detail()).contains("'xx-fake-1'").contains("https://dynamodb.xx-fake-1.amazonaws.com");
  }

  @Test
  void region_whenKnown_passes() {
    assertThat(AwsChecks.region("bedrock", Optional.of(Region.US_EAST_1), "AWS_REGION", "-").status())
        .isEqualTo(PreflightCheck.Status.PASSED);
  }

  @Test
  void credentials_fromAGivenProvider_passNamingItAndNoSecret() {
    PreflightCheck c = AwsChecks.credentials("bedrock",
        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "s3cr3t")), Optional.empty(),
        "AWS_PROFILE", "Bedrock");
    assertThat(c.status()).isEqualTo(PreflightCheck.Status.PASSED);
    assertThat(c.detail()).contains("StaticCredentialsProvider").doesNotContain("AKIDEXAMPLE").doesNotContain("s3cr3t");
  }

  @Test
  void credentials_whenTheProviderFails_failsSayingWhatToFix() {
    AwsCredentialsProvider failing = () -> {
      throw new IllegalStateException("no keys here");
    };
    PreflightCheck c = AwsChecks.credentials("dynamodb", failing, Optional.empty(), "AWS_PROFILE", "DynamoDB");
    assertThat(c.problem()).isEqualTo(PreflightCheck.Problem.NO_CREDENTIALS);
    assertThat(c.detail()).contains("no keys here");
    assertThat(c.remedy()).contains("fix the credentials");
  }
}
