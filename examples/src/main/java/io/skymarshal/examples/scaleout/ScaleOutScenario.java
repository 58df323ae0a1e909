package io.skymarshal.examples.scaleout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.agent.AirlineAgents;
import io.skymarshal.airline.constraint.BindingConstraints;
import io.skymarshal.airline.json.DisruptionJson;
import io.skymarshal.airline.offline.OfflineModel;
import io.skymarshal.airline.store.AirlineData;
import io.skymarshal.core.Decision;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.Orchestrator;
import io.skymarshal.core.Phase;
import io.skymarshal.core.RunListener;
import io.skymarshal.dynamo.DynamoDecisionStore;
import io.skymarshal.sqs.DisruptionWorker;
import io.skymarshal.sqs.WorkerListener;
import io.skymarshal.store.DecisionKey;
import io.skymarshal.store.DecisionOutcome;
import io.skymarshal.store.StoredRunPolicy;
import io.skymarshal.testkit.airline.AirlineGenerator;
import io.skymarshal.testkit.airline.DisruptionGenerator;
import io.skymarshal.testkit.dynamo.DynaliteServer;
import io.skymarshal.testkit.dynamo.DynamoTestClients;
import io.skymarshal.testkit.sqs.ElasticMqServer;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The scale-out scenario, on real servers in this process: ElasticMQ for SQS and dynalite for
 * DynamoDB, driven by the real AWS SDK clients. Several workers, each with its own orchestrator,
 * SQS client, DynamoDB client and model, share one input queue (with a dead-letter queue after
 * {@value #MAX_RECEIVES} deliveries), one output queue and one decision table. Distinct generated
 * disruptions are sent with duplicates and invalid documents mixed in, shuffled; one worker is
 * stopped abruptly mid-way (its model never answers again, its lease renewals, SQS calls and
 * everything else stop, without releasing anything), and the others take its messages over when
 * their visibility timeouts and its leases expire. {@link #run} returns the {@link Counts};
 * {@link ScaleOutProgram} prints them, {@code ScaleOutScenarioTest} checks them.
 */
public final class ScaleOutScenario {
  static final int MAX_RECEIVES = 4;
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What to run.
   *
   * @param distinct        distinct disruptions
   * @param duplicateEvery  every n-th disruption is sent twice
   * @param invalid         invalid documents mixed in
   * @param workers         workers on the queue
   * @param killAfter       a worker is stopped abruptly when this many decisions are stored
   * @param seed            of the generated airline's disruptions and the shuffle
   */
  public record Settings(int distinct, int duplicateEvery, int invalid, int workers, int killAfter, long seed) {
    /** The issue's scenario: 500 disruptions as 550 messages, 20 invalid, 3 workers, one stopped after 200. */
    public static Settings defaults() {
      return new Settings(500, 10, 20, 3, 200, 7);
    }
  }

  /**
   * What happened.
   *
   * @param validMessages        valid messages sent (distinct and duplicates)
   * @param distinct             distinct disruptions among them
   * @param invalidSent          invalid documents sent
   * @param storedDecisions      decisions in the table
   * @param completedRuns        runs that completed (arbitrated, or stopped for a person), all workers
   * @param lostRuns             of those, runs of the stopped worker that completed as it stopped but
   *                             whose decision it never stored (a successor arbitrated again)
   * @param disruptionsRunTwice  disruptions whose stored decision is not the only completed run of a
   *                             live worker (must be 0): each decision is arbitrated once
   * @param outcomes             ARBITRATED, STORED and AWAITED answers of the workers
   * @param resumed              completed runs by the phases they resumed (e.g. "phase1_initial+phase2_revision")
   * @param callsPerRun          model calls of one run from the start (the mode over undisturbed disruptions)
   * @param callsHistogram       disruptions by their model calls, all workers together
   * @param phasesPaidTwice      phases of a disruption that two instances made model calls in: each
   *                             must be a phase the stopped worker left unfinished (a resume could not reuse it)
   * @param overBound            disruptions whose calls exceed one run's worth plus the phases a
   *                             resume could not reuse: a phase paid by two instances that is not an
   *                             unfinished phase of the stopped worker, a resumed phase paid again, or
   *                             a phase paid by three (must be 0)
   * @param deadLettered         messages in the dead-letter queue
   * @param deadLetteredWithError those of them with a published rejection naming the error type
   * @param errorTypes           the rejections' error types, by count
   * @param inputLeft            messages left in the input queue, visible or not
   * @param lost                 valid disruptions with no stored decision
   * @param published            decision records in the output queue, and their distinct documents
   * @param publishedDistinct    distinct documents among the published decisions
   * @param killed               the worker stopped, and when
   * @param seconds              wall time of the scenario, from the first send
   */
  public record Counts(int validMessages, int distinct, int invalidSent, int storedDecisions, int completedRuns,
      int lostRuns, int disruptionsRunTwice, Map<String, Integer> outcomes, Map<String, Integer> resumed, int callsPerRun,
      Map<Integer, Integer> callsHistogram, int phasesPaidTwice, int overBound, int deadLettered, int deadLetteredWithError,
      Map<String, Integer> errorTypes, int inputLeft, int lost, int published, int publishedDistinct, String killed,
      double seconds) {

    /** The counts, one per line. */
    public void print(PrintStream out) {
      out.printf("messages sent:          %d valid (%d distinct disruptions + %d duplicates) + %d invalid%n",
          validMessages, distinct, validMessages - distinct, invalidSent);
      out.printf("worker stopped:         %s%n", killed);
      out.printf("stored decisions:       %d%n", storedDecisions);
      out.printf("completed runs:         %d (%d lost with the stopped worker before it stored them);"
          + " disruptions arbitrated more than once: %d%n", completedRuns, lostRuns, disruptionsRunTwice);
      out.printf("answers:                %s%n", outcomes);
      out.printf("resumed runs:           %s%n", resumed);
      out.printf("model calls:            %d per run from the start (the most common); disruptions by calls %s%n",
          callsPerRun, callsHistogram);
      out.printf("phases paid twice:      %d (unfinished phases of the stopped worker); over the bound: %d%n",
          phasesPaidTwice, overBound);
      out.printf("dead-letter queue:      %d (with their error published: %d) %s%n", deadLettered,
          deadLetteredWithError, errorTypes);
      out.printf("published decisions:    %d records, %d distinct documents%n", published, publishedDistinct);
      out.printf("input queue left:       %d; messages lost: %d%n", inputLeft, lost);
      out.printf("time:                   %.1f s%n", seconds);
    }
  }

  private ScaleOutScenario() {}

  /** Runs the scenario; {@code log} hears its progress. */
  public static Counts run(Settings s, PrintStream log) throws IOException, InterruptedException {
    AirlineDataset airline = AirlineGenerator.defaultAirline();
    List<Disruption> disruptions = distinctIds(new DisruptionGenerator(airline, s.seed()).take(s.distinct()));
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < disruptions.size(); i++) {
      String body = DisruptionJson.write(disruptions.get(i));
      bodies.add(body);
      if (i % s.duplicateEvery() == 0) {
        bodies.add(body);
      }
    }
    int validMessages = bodies.size();
    List<String> invalid = invalidDocuments(disruptions, s.invalid(), s.seed());
    bodies.addAll(invalid);
    Collections.shuffle(bodies, new Random(s.seed()));

    try (ElasticMqServer sqsServer = ElasticMqServer.start(); DynaliteServer dynalite = DynaliteServer.start();
        SqsAsyncClient admin = sqsServer.newAsyncClient();
        DynamoDbAsyncClient dynamoAdmin = DynamoTestClients.async(dynalite)) {
      String dlq = admin.createQueue(b -> b.queueName("disruptions-dlq")).join().queueUrl();
      String arn = admin.getQueueAttributes(b -> b.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN)).join()
          .attributes().get(QueueAttributeName.QUEUE_ARN);
      String input = admin.createQueue(b -> b.queueName("disruptions").attributes(Map.of(
          QueueAttributeName.REDRIVE_POLICY,
          "{\"maxReceiveCount\":\"" + MAX_RECEIVES + "\",\"deadLetterTargetArn\":\"" + arn + "\"}"))).join().queueUrl();
      String output = admin.createQueue(b -> b.queueName("decisions")).join().queueUrl();
      String table = "decisions";
      dynamoAdmin.createTable(DynamoDecisionStore.createTableRequest(table)).join();
      while (dynamoAdmin.describeTable(b -> b.tableName(table)).join().table().tableStatus() != TableStatus.ACTIVE) {
        Thread.sleep(50);
      }
      log.printf("ElasticMQ at %s, dynalite at %s, table %s%n", sqsServer.endpoint(), dynalite.endpoint(), table);

      Map<String, AtomicInteger> calls = CountingModel.newCount();
      Map<String, Map<Phase, Set<String>>> payers = new ConcurrentHashMap<>();
      Map<String, List<Phase>> resumedOf = new ConcurrentHashMap<>();
      Map<String, List<String>> completed = new ConcurrentHashMap<>();
      Map<String, AtomicInteger> resumed = new ConcurrentHashMap<>();
      Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
      Set<String> rejectedIds = ConcurrentHashMap.newKeySet();
      AtomicInteger stored = new AtomicInteger();
      List<Instance> instances = new ArrayList<>();
      for (int i = 1; i <= s.workers(); i++) {
        instances.add(new Instance("worker-" + i, sqsServer, dynalite, table, airline, input, output, calls, payers,
            resumedOf, completed, resumed, outcomes, rejectedIds, stored));
      }
      long start = System.nanoTime();
      send(admin, input, bodies);
      log.printf("sent %d messages%n", bodies.size());

      Instance victim = instances.get(1 % instances.size());
      await("decisions stored " + s.killAfter(), () -> stored.get() >= s.killAfter());
      victim.kill();
      String killed = victim.name + " after " + stored.get() + " stored decisions (runs in flight: "
          + victim.worker.stats().inFlight() + ")";
      log.println("stopped " + killed);

      await("every message handled", () -> {
        int in = depth(admin, input);
        int dead = depth(admin, dlq);
        log.printf("%.0f s: %d decisions stored, input queue %d, dead-letter queue %d%n",
            (System.nanoTime() - start) / 1e9, stored.get(), in, dead);
        return in == 0 && dead >= s.invalid();
      });
      double seconds = (System.nanoTime() - start) / 1e9;
      for (Instance in : instances) {
        in.stop();
      }

      // what the table holds
      int storedDecisions = 0;
      Map<String, AttributeValue> startKey = null;
      do {
        Map<String, AttributeValue> from = startKey;
        ScanResponse r = dynamoAdmin.scan(ScanRequest.builder().tableName(table).consistentRead(true)
            .exclusiveStartKey(from).build()).join();
        storedDecisions += (int) r.items().stream()
            .filter(it -> it.get("pk").s().startsWith("D#") && it.containsKey("decisionJson")).count();
        startKey = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
      } while (startKey != null);
      DynamoDecisionStore reader = DynamoDecisionStore.builder(dynamoAdmin, table).build();
      int lost = 0;
      int lostRuns = 0;
      int twice = 0;
      for (Disruption d : disruptions) {
        var storedDecision = reader.find(DecisionKey.of(d));
        if (storedDecision.isEmpty()) {
          lost++;
          continue;
        }
        String decidedBy = storedDecision.get().decidedBy();
        List<String> by = completed.getOrDefault(d.id(), List.of());
        long dead = by.stream().filter(n -> n.equals(victim.name) && !n.equals(decidedBy)).count();
        lostRuns += (int) dead;
        if (by.size() - dead != 1) {
          twice++;
        }
      }

      // the queues
      List<Message> dead = drain(admin, dlq);
      Set<String> invalidBodies = new HashSet<>(invalid);
      Map<String, Integer> errorTypes = new TreeMap<>();
      int publishedDecisions = 0;
      Set<String> publishedKeys = new HashSet<>();
      Map<String, String> rejectionTypes = new HashMap<>();
      for (Message m : drain(admin, output)) {
        JsonNode n = JSON.readTree(m.body());
        if (n.get("kind").asText().equals("decision")) {
          publishedDecisions++;
          publishedKeys.add(n.get("disruptionId").asText() + "@" + n.get("documentHash").asText());
        } else {
          rejectionTypes.put(n.get("messageId").asText(), n.get("errorType").asText());
        }
      }
      int withError = 0;
      for (Message m : dead) {
        String type = rejectionTypes.get(m.messageId());
        if (type != null && invalidBodies.contains(m.body())) {
          withError++;
          errorTypes.merge(type, 1, Integer::sum);
        }
      }

      // model calls: each phase of a disruption is paid by one instance, except a phase the stopped
      // worker left unfinished, which its successor pays again; a resumed phase is never paid again
      Map<Integer, Integer> histogram = new TreeMap<>();
      for (Disruption d : disruptions) {
        histogram.merge(calls.getOrDefault(d.id(), new AtomicInteger()).get(), 1, Integer::sum);
      }
      int perRun = histogram.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0);
      int paidTwice = 0;
      int overBound = 0;
      for (Disruption d : disruptions) {
        List<Phase> reused = resumedOf.getOrDefault(d.id(), List.of());
        boolean over = false;
        for (Map.Entry<Phase, Set<String>> e : payers.getOrDefault(d.id(), Map.of()).entrySet()) {
          Set<String> by = e.getValue();
          if (by.size() == 2) {
            paidTwice++;
          }
          over |= by.size() > 2 || (by.size() == 2 && (!by.contains(victim.name) || reused.contains(e.getKey())))
              || (reused.contains(e.getKey()) && !by.equals(Set.of(victim.name)));
        }
        if (over) {
          overBound++;
        }
      }
      Map<String, Integer> out = new TreeMap<>();
      outcomes.forEach((k, v) -> out.put(k, v.get()));
      Map<String, Integer> res = new TreeMap<>();
      resumed.forEach((k, v) -> res.put(k, v.get()));
      int completedRuns = completed.values().stream().mapToInt(List::size).sum();
      return new Counts(validMessages, disruptions.size(), invalid.size(), storedDecisions, completedRuns, lostRuns,
          twice, out,
          res, perRun, histogram, paidTwice, overBound, dead.size(), withError, errorTypes, depth(admin, input), lost,
          publishedDecisions, publishedKeys.size(), killed, seconds);
    }
  }

  /** One instance: its own clients, store, orchestrator, model and worker. */
  private static final class Instance {
    final String name;
    final Freezer freezer = new Freezer();
    final SqsAsyncClient sqs;
    final DynamoDbAsyncClient dynamo;
    final CountingModel model;
    final Orchestrator orchestrator;
    final DisruptionWorker worker;
    private volatile boolean killed;

    Instance(String name, ElasticMqServer sqsServer, DynaliteServer dynalite, String table, AirlineDataset airline,
        String input, String output, Map<String, AtomicInteger> calls, Map<String, Map<Phase, Set<String>>> payers,
        Map<String, List<Phase>> resumedOf, Map<String, List<String>> completed,
        Map<String, AtomicInteger> resumed, Map<String, AtomicInteger> outcomes, Set<String> rejectedIds,
        AtomicInteger stored) {
      this.name = name;
      this.sqs = freezer.wrap(SqsAsyncClient.class, sqsServer.newAsyncClient());
      this.dynamo = freezer.wrap(DynamoDbAsyncClient.class, DynamoTestClients.async(dynalite));
      this.model = new CountingModel(name, OfflineModel.create(), calls, payers);
      this.orchestrator = Orchestrator.builder().agents(AirlineAgents.all()).arbitrator(AirlineAgents.arbitrator())
          .modelClient(model).data(AirlineData.inMemory(airline))
          .listener(new RunListener() {
            @Override
            public void onRunCompleted(Disruption d, Decision decision) {
              completed.computeIfAbsent(d.id(), k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(name);
              List<Phase> r = decision.report().resumedPhases();
              resumedOf.put(d.id(), r);
              String key = r.isEmpty() ? "none" : String.join("+", r.stream().map(Phase::reportName).toList());
              resumed.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            }
          })
          .decisionStore(DynamoDecisionStore.builder(dynamo, table).build(),
              StoredRunPolicy.builder(BindingConstraints.codec()).owner(name).lease(Duration.ofSeconds(15))
                  .renewEvery(Duration.ofSeconds(1)).awaitDecision(Duration.ofSeconds(60))
                  .pollInterval(Duration.ofMillis(200)).build())
          .build();
      this.worker = DisruptionWorker.builder().sqs(sqs).inputQueueUrl(input).outputQueueUrl(output)
          .orchestrator(orchestrator).documentReader(DisruptionJson.withAirports(airline.airports())::read)
          .maxInFlight(8).waitTime(Duration.ofSeconds(1)).visibilityTimeout(Duration.ofSeconds(8))
          .retryDelay(Duration.ofSeconds(2))
          .listener(new WorkerListener() {
            @Override
            public void onDecided(String messageId, DecisionOutcome outcome) {
              if (outcome.source() == DecisionOutcome.Source.ARBITRATED) {
                stored.incrementAndGet();
              }
              outcomes.computeIfAbsent(outcome.source().name(), k -> new AtomicInteger()).incrementAndGet();
            }

            @Override
            public void onRejected(io.skymarshal.sqs.RejectedDocument r) {
              rejectedIds.add(r.messageId());
            }
          })
          .build().start();
    }

    /**
     * Stops abruptly, as a process that dies: no call to the model, SQS or DynamoDB answers again;
     * nothing is released, deleted or renewed.
     */
    void kill() {
      killed = true;
      model.die();
      freezer.freeze();
    }

    void stop() {
      if (killed) {
        return; // its threads wait on calls that never answer: it is gone
      }
      worker.shutdown(Duration.ofSeconds(30));
      orchestrator.close();
      sqs.close();
      dynamo.close();
    }
  }

  /** The generator's disruptions, with an index added to any id seen before, so they are distinct. */
  private static List<Disruption> distinctIds(List<Disruption> ds) {
    Set<String> seen = new HashSet<>();
    List<Disruption> out = new ArrayList<>();
    for (int i = 0; i < ds.size(); i++) {
      Disruption d = ds.get(i);
      out.add(seen.add(d.id()) ? d : d.toBuilder().id(d.id() + "-" + i).build());
      seen.add(out.get(i).id());
    }
    return out;
  }

  /** Documents that fail validation in different ways: bad JSON, a bad field, a missing flight, an unknown airport. */
  static List<String> invalidDocuments(List<Disruption> ds, int n, long seed) {
    Random r = new Random(seed);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String valid = DisruptionJson.write(ds.get(r.nextInt(ds.size())));
      String bad = switch (i % 4) {
        case 0 -> valid.substring(0, valid.length() / 2); // cut short
        case 1 -> valid.replaceFirst("\"severity\"\\s*:\\s*\"[a-z]+\"", "\"severity\":\"apocalyptic-" + i + "\"");
        case 2 -> valid.replaceFirst("\"iata\"\\s*:\\s*\"[A-Z]{3}\"", "\"iata\":\"QQZ\""); // no such airport
        default -> "{\"id\":\"DISR-BROKEN-" + i + "\",\"type\":\"weather\"}";
      };
      if (bad.equals(valid)) {
        throw new IllegalStateException("invalid document " + i + " is not different from the valid one");
      }
      out.add(bad);
    }
    return out;
  }

  private static void send(SqsAsyncClient sqs, String queue, List<String> bodies) {
    for (int i = 0; i < bodies.size(); i += 10) {
      List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
      for (int j = i; j < Math.min(bodies.size(), i + 10); j++) {
        batch.add(SendMessageBatchRequestEntry.builder().id("m" + j).messageBody(bodies.get(j)).build());
      }
      var r = sqs.sendMessageBatch(b -> b.queueUrl(queue).entries(batch)).join();
      if (r.hasFailed() && !r.failed().isEmpty()) {
        throw new IllegalStateException("messages not sent: " + r.failed());
      }
    }
  }

  static int depth(SqsAsyncClient sqs, String url) {
    Map<QueueAttributeName, String> a = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).join().attributes();
    return a.values().stream().mapToInt(Integer::parseInt).sum();
  }

  private static List<Message> drain(SqsAsyncClient sqs, String url) {
    Map<String, Message> all = new LinkedHashMap<>();
    while (true) {
      List<Message> got = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)
          .visibilityTimeout(120)).join().messages();
      if (got.isEmpty()) {
        return new ArrayList<>(all.values());
      }
      for (Message m : got) {
        all.put(m.messageId(), m);
        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())).join();
      }
    }
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("gave up after 5 minutes waiting for " + what);
      }
      Thread.sleep(1000);
    }
  }
}
