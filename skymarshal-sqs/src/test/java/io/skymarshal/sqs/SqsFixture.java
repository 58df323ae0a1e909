package io.skymarshal.sqs;

import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.agent.AirlineAgents;
import io.skymarshal.airline.constraint.BindingConstraints;
import io.skymarshal.airline.json.DisruptionJson;
import io.skymarshal.airline.offline.OfflineModel;
import io.skymarshal.airline.store.AirlineData;
import io.skymarshal.core.Orchestrator;
import io.skymarshal.core.Phase;
import io.skymarshal.model.ModelClient;
import io.skymarshal.model.ModelReply;
import io.skymarshal.model.ModelRequest;
import io.skymarshal.store.DecisionStore;
import io.skymarshal.store.StoredRunPolicy;
import io.skymarshal.testkit.sqs.ElasticMqServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Queues in ElasticMQ, orchestrators on the offline model, and waiting with a bound. */
final class SqsFixture {
  static final int MAX_RECEIVES = 3;
  private static final AtomicInteger SEQ = new AtomicInteger();

  private SqsFixture() {}

  /** An input queue with a dead-letter queue after {@link #MAX_RECEIVES} deliveries, and an output queue. */
  record Queues(String input, String deadLetter, String output) {
    static Queues create(SqsAsyncClient sqs) {
      String name = "q" + SEQ.incrementAndGet();
      String dlq = sqs.createQueue(b -> b.queueName(name + "-dlq")).join().queueUrl();
      String arn = sqs.getQueueAttributes(b -> b.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN)).join()
          .attributes().get(QueueAttributeName.QUEUE_ARN);
      String input = sqs.createQueue(b -> b.queueName(name + "-in").attributes(Map.of(QueueAttributeName.REDRIVE_POLICY,
          "{\"maxReceiveCount\":\"" + MAX_RECEIVES + "\",\"deadLetterTargetArn\":\"" + arn + "\"}"))).join().queueUrl();
      String output = sqs.createQueue(b -> b.queueName(name + "-out")).join().queueUrl();
      return new Queues(input, dlq, output);
    }
  }

  /** Receives and deletes every message of {@code url} until a long poll finds none. */
  static List<Message> drain(SqsAsyncClient sqs, String url) {
    List<Message> all = new ArrayList<>();
    while (true) {
      List<Message> got = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)
          .visibilityTimeout(60).messageSystemAttributeNames(MessageSystemAttributeName.ALL)
          .messageAttributeNames("All")).join().messages();
      if (got.isEmpty()) {
        return all;
      }
      all.addAll(got);
      for (Message m : got) {
        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())).join();
      }
    }
  }

  /** Messages in {@code url}, visible or not. */
  static int depth(SqsAsyncClient sqs, String url) {
    Map<QueueAttributeName, String> a = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).join().attributes();
    return a.values().stream().mapToInt(Integer::parseInt).sum();
  }

  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gave up after 90 s waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  /** The offline model, counting calls, holding arbitration calls while {@link #hold} is incomplete. */
  static final class Model implements ModelClient {
    final List<ModelRequest> calls = new CopyOnWriteArrayList<>();
    final List<CompletableFuture<ModelReply>> held = new CopyOnWriteArrayList<>();
    volatile CompletableFuture<Void> hold = CompletableFuture.completedFuture(null);
    private final ModelClient offline = OfflineModel.create();

    @Override
    public CompletableFuture<ModelReply> call(ModelRequest request) {
      calls.add(request);
      if (request.phase() == Phase.ARBITRATION && !hold.isDone()) {
        CompletableFuture<ModelReply> f = hold.thenCompose(v -> offline.call(request));
        held.add(f);
        return f;
      }
      return offline.call(request);
    }

    long count(Phase phase) {
      return calls.stream().filter(c -> c.phase() == phase).count();
    }
  }

  static Orchestrator orchestrator(String owner, ModelClient model, AirlineDataset airline, DecisionStore store,
      Duration lease) {
    return Orchestrator.builder().agents(AirlineAgents.all()).arbitrator(AirlineAgents.arbitrator())
        .modelClient(model).data(AirlineData.inMemory(airline))
        .decisionStore(store, StoredRunPolicy.builder(BindingConstraints.codec()).owner(owner).lease(lease)
            .awaitDecision(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).build())
        .build();
  }

  static DocumentReader reader(AirlineDataset airline) {
    return DisruptionJson.withAirports(airline.airports())::read;
  }

  static ElasticMqServer server() {
    return ElasticMqServer.start();
  }
}
