package io.skymarshal.dynamo.internal;

import io.skymarshal.preflight.PreflightCheck;
import io.skymarshal.preflight.PreflightCheck.Kind;
import io.skymarshal.preflight.PreflightCheck.Problem;
import io.skymarshal.preflight.TransportFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * The table checks of {@code DynamoPreflight}: a DescribeTable answer (or failure) compared with
 * the table the layout creates. Stateless.
 */
public final class TableChecks {

  /** Codes with which AWS refuses the credentials themselves rather than access to the table. */
  private static final Set<String> BAD_CREDENTIALS = Set.of("UnrecognizedClientException",
      "InvalidSignatureException", "ExpiredTokenException", "InvalidClientTokenId", "SignatureDoesNotMatch");

  private final String service;
  private final String region;
  private final String endpoint;
  private final String createHint;

  /**
   * @param endpoint   the endpoint's URL, for the checks' text
   * @param createHint how to create the tables, for the remedies
   */
  public TableChecks(String service, String region, String endpoint, String createHint) {
    this.service = service;
    this.region = region;
    this.endpoint = endpoint;
    this.createHint = createHint;
  }

  /** Why the endpoint was not reached, if a DescribeTable failed that way. */
  public static Optional<String> unreachable(Throwable error) {
    return serviceError(error).isPresent() ? Optional.empty() : TransportFailure.describe(error);
  }

  /** The check of {@code expected} from a DescribeTable's answer. */
  public PreflightCheck described(CreateTableRequest expected, TableDescription actual) {
    String name = expected.tableName();
    List<String> wrong = new ArrayList<>();
    if (!keys(actual.keySchema()).equals(keys(expected.keySchema()))) {
      wrong.add("key is (" + keys(actual.keySchema()) + ") but the layout's is (" + keys(expected.keySchema()) + ")");
    }
    Map<String, String> types = actual.attributeDefinitions().stream()
        .collect(Collectors.toMap(AttributeDefinition::attributeName, AttributeDefinition::attributeTypeAsString,
            (a, b) -> a));
    for (AttributeDefinition a : expected.attributeDefinitions()) {
      String type = types.get(a.attributeName());
      if (type != null && !type.equals(a.attributeTypeAsString())) {
        wrong.add("attribute " + a.attributeName() + " is of type " + type + ", not " + a.attributeTypeAsString());
      }
    }
    Map<String, GlobalSecondaryIndexDescription> indexes = actual.globalSecondaryIndexes().stream()
        .collect(Collectors.toMap(GlobalSecondaryIndexDescription::indexName, Function.identity(), (a, b) -> a));
    List<String> inactive = new ArrayList<>();
    for (GlobalSecondaryIndex want : expected.globalSecondaryIndexes()) {
      GlobalSecondaryIndexDescription have = indexes.get(want.indexName());
      if (have == null) {
        wrong.add("index " + want.indexName() + " is missing");
        continue;
      }
      if (!keys(have.keySchema()).equals(keys(want.keySchema()))) {
        wrong.add("index " + want.indexName() + " key is (" + keys(have.keySchema()) + ") but the layout's is ("
            + keys(want.keySchema()) + ")");
      }
      ProjectionType projection = have.projection() == null ? null : have.projection().projectionType();
      if (projection != null && projection != want.projection().projectionType()) {
        wrong.add("index " + want.indexName() + " projects " + projection + ", not " + want.projection().projectionType());
      }
      // dynalite leaves the index status out; absent is not evidence of a problem
      if (have.indexStatus() != null && have.indexStatus() != IndexStatus.ACTIVE) {
        inactive.add("index " + want.indexName() + " is " + have.indexStatusAsString());
      }
    }
    if (!wrong.isEmpty()) {
      return PreflightCheck.failed(service, Kind.TABLE, name, Problem.WRONG_SCHEMA, "in region " + region + ": "
          + String.join("; ", wrong), "this table was not created by the airline layout: delete it and create "
          + "it again (" + createHint + "), or use another table name prefix");
    }
    if (actual.tableStatus() != TableStatus.ACTIVE) {
      inactive.add(0, "table is " + actual.tableStatusAsString());
    }
    if (!inactive.isEmpty()) {
      return PreflightCheck.failed(service, Kind.TABLE, name, Problem.NOT_ACTIVE, "in region " + region + ": "
          + String.join("; ", inactive), "wait until the table and its indexes are ACTIVE, then check again");
    }
    String indexText = expected.globalSecondaryIndexes().isEmpty() ? ""
        : "; index " + expected.globalSecondaryIndexes().stream().map(GlobalSecondaryIndex::indexName)
            .collect(Collectors.joining(", "));
    return PreflightCheck.passed(service, Kind.TABLE, name, "ACTIVE; key " + keys(expected.keySchema()) + indexText);
  }

  /** The check of {@code expected} from a failed DescribeTable. */
  public PreflightCheck failed(CreateTableRequest expected, Throwable error) {
    String name = expected.tableName();
    Optional<AwsServiceException> aws = serviceError(error);
    if (aws.isEmpty()) {
      Optional<String> transport = TransportFailure.describe(error);
      return transport.isPresent()
          ? PreflightCheck.failed(service, Kind.TABLE, name, Problem.UNREACHABLE, "cannot reach DynamoDB at " + endpoint
              + " (region " + region + "): " + transport.get(), "check the network and that " + endpoint
              + " is a DynamoDB endpoint of region " + region)
          : PreflightCheck.failed(service, Kind.TABLE, name, Problem.SERVICE_ERROR, "DescribeTable failed in region "
              + region + ": " + error, "run the check again; if it persists, read the error above");
    }
    AwsServiceException e = aws.get();
    String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
    String said = code + " (HTTP " + e.statusCode() + "): "
        + (e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage());
    if (e instanceof ResourceNotFoundException) {
      return PreflightCheck.failed(service, Kind.TABLE, name, Problem.NOT_FOUND, "no table " + name + " in region "
          + region + " at " + endpoint, "create the tables and load the airline (" + createHint + "), or use the "
          + "prefix and region they were created with");
    }
    if (BAD_CREDENTIALS.contains(code)) {
      return PreflightCheck.failed(service, Kind.TABLE, name, Problem.ACCESS_DENIED, "refused in region " + region
          + ": " + said, "AWS refused the credentials themselves: refresh them ('aws sso login', new keys) or "
          + "choose another profile");
    }
    if (e.statusCode() == 403 || code.equals("AccessDeniedException")) {
      return PreflightCheck.failed(service, Kind.TABLE, name, Problem.ACCESS_DENIED, "refused in region " + region
          + ": " + said, "allow dynamodb:DescribeTable on arn:aws:dynamodb:" + region + ":<account>:table/" + name
          + " for the check; the agents' reads need dynamodb:BatchGetItem, GetItem and Query on the table and "
          + "its indexes");
    }
    if (DynamoErrors.isThrottling(e)) {
      return PreflightCheck.failed(service, Kind.TABLE, name, Problem.THROTTLED, "throttled in region " + region
          + ": " + said, "run the check again later");
    }
    return PreflightCheck.failed(service, Kind.TABLE, name, Problem.SERVICE_ERROR, "DescribeTable failed in region "
        + region + ": " + said, "run the check again; if it persists, read the error above");
  }

  private static String keys(List<KeySchemaElement> keys) {
    return keys.stream().map(k -> k.attributeName() + " " + k.keyTypeAsString()).collect(Collectors.joining(", "));
  }

  private static Optional<AwsServiceException> serviceError(Throwable error) {
    for (Throwable c = error; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof AwsServiceException aws) {
        return Optional.of(aws);
      }
    }
    return Optional.empty();
  }
}
