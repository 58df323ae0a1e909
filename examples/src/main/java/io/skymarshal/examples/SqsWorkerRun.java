package io.skymarshal.examples;

import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.agent.AirlineAgents;
import io.skymarshal.airline.constraint.BindingConstraints;
import io.skymarshal.airline.json.DisruptionJson;
import io.skymarshal.airline.offline.OfflineModel;
import io.skymarshal.airline.store.AirlineData;
import io.skymarshal.bedrock.BedrockConfig;
import io.skymarshal.core.Orchestrator;
import io.skymarshal.dynamo.DynamoClients;
import io.skymarshal.dynamo.DynamoDecisionStore;
import io.skymarshal.examples.cli.Arguments;
import io.skymarshal.examples.cli.CommandLine;
import io.skymarshal.examples.cli.Tool;
import io.skymarshal.examples.cli.UsageException;
import io.skymarshal.sqs.DisruptionWorker;
import io.skymarshal.sqs.RejectedDocument;
import io.skymarshal.sqs.WorkerListener;
import io.skymarshal.store.DecisionOutcome;
import io.skymarshal.store.StoredRunPolicy;
import io.skymarshal.testkit.airline.AirlineSamples;
import io.skymarshal.testkit.dynamo.DynaliteServer;
import io.skymarshal.testkit.dynamo.DynamoTestClients;
import io.skymarshal.testkit.sqs.ElasticMqServer;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A disruption worker on SQS: one instance of many behind a queue, deciding each disruption
 * document once through a DynamoDB decision table.
 *
 * <pre>
 * # local: ElasticMQ and dynalite in this process, the sample airline and the offline model; sends
 * # the sample disruption twice and one invalid document, prints what the worker publishes, stops
 * ./mvnw -q -pl examples -am package exec:java -DskipTests \
 *     -Dexec.mainClass=io.skymarshal.examples.SqsWorkerRun -Dexec.args=--local
 *
 * # AWS: the queue (with a redrive policy), the decision table (partition key "pk", string), the
 * # airline tables of LoadAirline, Bedrock as for AwsRun; runs until stopped (Ctrl-C: graceful)
 * java -cp ... io.skymarshal.examples.SqsWorkerRun --queue-url https://sqs.eu-west-1.amazonaws.com/123/disruptions \
 *     --output-url https://sqs.eu-west-1.amazonaws.com/123/decisions --decisions-table skymarshal-decisions
 * </pre>
 * With {@code --create-table} the decision table is created (on-demand) if missing.
 */
public final class SqsWorkerRun {

  static final CommandLine CLI = CommandLine.of("SqsWorkerRun",
          "A disruption worker on SQS: decides each document once, through a DynamoDB decision table.")
      .flag("--local", "ElasticMQ and dynalite in this process, the sample airline, the offline model")
      .option("--queue-url", "URL", "the input queue (it must have a redrive policy to a dead-letter queue)")
      .option("--output-url", "URL", "the queue decisions and rejections are published to")
      .option("--decisions-table", "NAME", "the DynamoDB decision table")
      .flag("--create-table", "create the decision table if it does not exist")
      .option("--prefix", "P", "the airline tables' name prefix (default skymarshal_)")
      .option("--max-in-flight", "N", "runs in flight at most (default 16)")
      .build();

  private SqsWorkerRun() {}

  public static void main(String[] args) {
    System.exit(Tool.run(CLI, args, System.out, System.err, SqsWorkerRun::work));
  }

  private static int work(Arguments args, PrintStream out, PrintStream err) throws UsageException, IOException {
    try {
      return workOrWait(args, out, err);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static int workOrWait(Arguments args, PrintStream out, PrintStream err)
      throws UsageException, IOException, InterruptedException {
    int maxInFlight = (int) Math.min(1000, args.number("--max-in-flight", 1, 16));
    if (args.has("--local")) {
      return local(maxInFlight, out);
    }
    String queue = args.value("--queue-url").orElseThrow(() -> new UsageException("--queue-url is required"));
    String table = args.value("--decisions-table").orElseThrow(
        () -> new UsageException("--decisions-table is required"));
    return aws(args, queue, table, maxInFlight, out, err);
  }

  /** Decides in AWS until the JVM is stopped; a shutdown hook lets runs in flight finish (60 s). */
  private static int aws(Arguments args, String queue, String table, int maxInFlight, PrintStream out, PrintStream err)
      throws InterruptedException {
    BedrockConfig config = BedrockConfig.fromEnvironment();
    try (BedrockSource bedrock = BedrockSource.aws(config);
        DynamoSource data = DynamoSource.aws(args.value("--prefix", "skymarshal_"), java.util.Optional.empty());
        DynamoDbAsyncClient dynamo = DynamoClients.asyncClient();
        SqsAsyncClient sqs = SqsAsyncClient.create()) {
      if (args.has("--create-table")) {
        createTable(dynamo, table);
      }
      Orchestrator orchestrator = Orchestrator.builder().agents(AirlineAgents.all())
          .arbitrator(AirlineAgents.arbitrator()).models(config.routing()).modelClient(bedrock.client())
          .data(data.dataAccess())
          .decisionStore(DynamoDecisionStore.builder(dynamo, table).build(),
              StoredRunPolicy.defaults(BindingConstraints.codec()))
          .build();
      DisruptionWorker.Builder b = DisruptionWorker.builder().sqs(sqs).inputQueueUrl(queue).orchestrator(orchestrator)
          .maxInFlight(maxInFlight).listener(printing(out))
          .documentReader(json -> DisruptionJson.withAirports(code -> code.matches("[A-Z]{3}")).read(json));
      args.value("--output-url").ifPresent(b::outputQueueUrl);
      DisruptionWorker worker = b.build().start();
      out.println("deciding from " + queue + " (" + bedrock.description() + "; " + data.description() + ")");
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        worker.shutdown(Duration.ofSeconds(60));
        orchestrator.close();
        stopped.countDown();
      }));
      stopped.await();
      return 0;
    }
  }

  /** Sends the sample disruption twice and one invalid document, decides them, prints, stops. */
  private static int local(int maxInFlight, PrintStream out) throws InterruptedException {
    AirlineDataset airline = AirlineSamples.ey123Airline();
    try (ElasticMqServer server = ElasticMqServer.start(); DynaliteServer dynalite = DynaliteServer.start();
        SqsAsyncClient sqs = server.newAsyncClient(); DynamoDbAsyncClient dynamo = DynamoTestClients.async(dynalite)) {
      String dlq = sqs.createQueue(b -> b.queueName("disruptions-dlq")).join().queueUrl();
      String arn = sqs.getQueueAttributes(b -> b.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN)).join()
          .attributes().get(QueueAttributeName.QUEUE_ARN);
      String queue = sqs.createQueue(b -> b.queueName("disruptions").attributes(Map.of(QueueAttributeName.REDRIVE_POLICY,
          "{\"maxReceiveCount\":\"3\",\"deadLetterTargetArn\":\"" + arn + "\"}"))).join().queueUrl();
      String output = sqs.createQueue(b -> b.queueName("decisions")).join().queueUrl();
      createTable(dynamo, "decisions");
      out.println("ElasticMQ at " + server.endpoint() + ", dynalite at " + dynalite.endpoint());

      String sample = DisruptionJson.write(AirlineSamples.ey123Disruption());
      for (String body : new String[] {sample, sample, "{\"disruption_id\":\"DISR-BROKEN\"}"}) {
        sqs.sendMessage(b -> b.queueUrl(queue).messageBody(body)).join();
      }
      try (Orchestrator orchestrator = Orchestrator.builder().agents(AirlineAgents.all())
          .arbitrator(AirlineAgents.arbitrator()).modelClient(OfflineModel.create())
          .data(AirlineData.inMemory(airline))
          .decisionStore(DynamoDecisionStore.builder(dynamo, "decisions").build(),
              StoredRunPolicy.defaults(BindingConstraints.codec()))
          .build()) {
        DisruptionWorker worker = DisruptionWorker.builder().sqs(sqs).inputQueueUrl(queue).outputQueueUrl(output)
            .orchestrator(orchestrator).documentReader(DisruptionJson.withAirports(airline.airports())::read)
            .maxInFlight(maxInFlight).waitTime(Duration.ofSeconds(1)).listener(printing(out)).build().start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while ((worker.stats().deleted() < 2 || depth(sqs, dlq) < 1) && System.nanoTime() < deadline) {
          Thread.sleep(200);
        }
        worker.shutdown(Duration.ofSeconds(30));
        out.println("worker: " + worker.stats());
      }
      out.println("published to " + output + ":");
      while (true) {
        var got = sqs.receiveMessage(b -> b.queueUrl(output).maxNumberOfMessages(10).waitTimeSeconds(1)).join();
        if (got.messages().isEmpty()) {
          break;
        }
        for (Message m : got.messages()) {
          String body = m.body();
          out.println("  " + (body.length() > 200 ? body.substring(0, 200) + "..." : body));
          sqs.deleteMessage(b -> b.queueUrl(output).receiptHandle(m.receiptHandle())).join();
        }
      }
      out.println("dead-letter queue: " + depth(sqs, dlq) + " message(s)");
      return 0;
    }
  }

  private static WorkerListener printing(PrintStream out) {
    return new WorkerListener() {
      @Override
      public void onDecided(String messageId, DecisionOutcome o) {
        out.printf("%s: %s %s %s (%s, decided by %s)%n", messageId, o.stored().key(), o.stored().status(),
            o.stored().action(), o.source(), o.stored().decidedBy());
      }

      @Override
      public void onRejected(RejectedDocument r) {
        out.printf("%s: rejected (delivery %d of %d): %s: %s%n", r.messageId(), r.receiveCount(), r.maxReceiveCount(),
            r.errorType(), r.error());
      }
    };
  }

  private static void createTable(DynamoDbAsyncClient dynamo, String table) throws InterruptedException {
    try {
      dynamo.createTable(DynamoDecisionStore.createTableRequest(table)).join();
    } catch (java.util.concurrent.CompletionException e) {
      if (!(e.getCause() instanceof software.amazon.awssdk.services.dynamodb.model.ResourceInUseException)) {
        throw e;
      }
    }
    while (dynamo.describeTable(b -> b.tableName(table)).join().table().tableStatus() != TableStatus.ACTIVE) {
      Thread.sleep(200);
    }
  }

  private static int depth(SqsAsyncClient sqs, String url) {
    return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).join().attributes().values().stream()
        .mapToInt(Integer::parseInt).sum();
  }
}
