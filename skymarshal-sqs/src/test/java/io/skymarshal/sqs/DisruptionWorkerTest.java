package io.skymarshal.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skymarshal.airline.AirlineDataset;
import io.skymarshal.airline.json.DisruptionJson;
import io.skymarshal.core.Disruption;
import io.skymarshal.core.Orchestrator;
import io.skymarshal.core.Phase;
import io.skymarshal.store.InMemoryDecisionStore;
import io.skymarshal.testkit.airline.AirlineSamples;
import io.skymarshal.testkit.sqs.ElasticMqServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** The worker against ElasticMQ through the real SQS client, on the offline model and the sample airline. */
class DisruptionWorkerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static ElasticMqServer server;
  private static SqsAsyncClient sqs;

  private final AirlineDataset airline = AirlineSamples.ey123Airline();
  private final Disruption ey123 = AirlineSamples.ey123Disruption();
  private final InMemoryDecisionStore store = InMemoryDecisionStore.create();
  private final List<DisruptionWorker> workers = new ArrayList<>();
  private final List<Orchestrator> orchestrators = new ArrayList<>();
  private SqsFixture.Queues queues;

  @BeforeAll
  static void startServer() {
    server = SqsFixture.server();
    sqs = server.newAsyncClient();
  }

  @AfterAll
  static void stopServer() {
    sqs.close();
    server.close();
  }

  @AfterEach
  void stop() {
    workers.forEach(w -> w.shutdown(Duration.ZERO));
    orchestrators.forEach(Orchestrator::close);
  }

  private DisruptionWorker.Builder worker(String owner, SqsFixture.Model model, Duration lease) {
    if (queues == null) {
      queues = SqsFixture.Queues.create(sqs);
    }
    Orchestrator o = SqsFixture.orchestrator(owner, model, airline, store, lease);
    orchestrators.add(o);
    return DisruptionWorker.builder().sqs(sqs).inputQueueUrl(queues.input()).outputQueueUrl(queues.output())
        .orchestrator(o).documentReader(SqsFixture.reader(airline)).waitTime(Duration.ofSeconds(1));
  }

  private DisruptionWorker started(DisruptionWorker.Builder b) {
    DisruptionWorker w = b.build().start();
    workers.add(w);
    return w;
  }

  private void send(String body) {
    sqs.sendMessage(b -> b.queueUrl(queues.input()).messageBody(body)).join();
  }

  private static JsonNode json(Message m) {
    try {
      return JSON.readTree(m.body());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void worker_decidesAMessage_publishesTheDecisionAndDeletesTheMessage() throws Exception {
    SqsFixture.Model model = new SqsFixture.Model();
    DisruptionWorker w = started(worker("i-1", model, Duration.ofMinutes(2)));
    send(DisruptionJson.write(ey123));

    SqsFixture.await("the message deleted", () -> w.stats().deleted() == 1);

    List<Message> out = SqsFixture.drain(sqs, queues.output());
    assertThat(out).singleElement().satisfies(m -> {
      JsonNode n = json(m);
      assertThat(n.get("kind").asText()).isEqualTo("decision");
      assertThat(n.get("disruptionId").asText()).isEqualTo(ey123.id());
      assertThat(n.get("source").asText()).isEqualTo("ARBITRATED");
      assertThat(n.get("decision").get("status").asText()).isEqualTo(n.get("status").asText());
    });
    assertThat(SqsFixture.depth(sqs, queues.input())).isZero();
    assertThat(model.count(Phase.ARBITRATION)).isEqualTo(1);
    assertThat(store.decisions()).hasSize(1);
  }

  @Test
  void worker_aDocumentDeliveredTwice_isArbitratedOnceAndAnsweredTwice() throws Exception {
    SqsFixture.Model model = new SqsFixture.Model();
    DisruptionWorker w = started(worker("i-1", model, Duration.ofMinutes(2)));
    send(DisruptionJson.write(ey123));
    send(DisruptionJson.write(ey123));

    SqsFixture.await("both messages deleted", () -> w.stats().deleted() == 2);

    assertThat(w.stats().arbitrated()).isEqualTo(1);
    assertThat(w.stats().answered()).isEqualTo(1);
    assertThat(model.count(Phase.ARBITRATION)).isEqualTo(1);
    assertThat(SqsFixture.drain(sqs, queues.output())).extracting(m -> json(m).get("documentHash").asText())
        .hasSize(2).containsOnly(store.decisions().get(0).key().documentHash());
  }

  @Test
  void worker_anInvalidDocument_isNotRun_andEndsInTheDeadLetterQueueWithItsTypedErrorPublished() throws Exception {
    SqsFixture.Model model = new SqsFixture.Model();
    List<RejectedDocument> rejections = new CopyOnWriteArrayList<>();
    DisruptionWorker w = started(worker("i-1", model, Duration.ofMinutes(2)).listener(new WorkerListener() {
      @Override
      public void onRejected(RejectedDocument rejected) {
        rejections.add(rejected);
      }
    }));
    String invalid = DisruptionJson.write(ey123).replace("\"high\"", "\"apocalyptic\"");
    assertThat(invalid).contains("apocalyptic");
    send(invalid);

    SqsFixture.await("the message in the dead-letter queue", () -> SqsFixture.depth(sqs, queues.deadLetter()) == 1);

    assertThat(model.calls).isEmpty();
    assertThat(rejections).hasSize(SqsFixture.MAX_RECEIVES).allSatisfy(r -> {
      assertThat(r.errorType()).isEqualTo("DisruptionFormatException");
      assertThat(r.error()).contains("severity");
    });
    assertThat(rejections).filteredOn(RejectedDocument::lastDelivery).hasSize(1);
    assertThat(SqsFixture.drain(sqs, queues.deadLetter())).singleElement()
        .satisfies(m -> assertThat(m.body()).isEqualTo(invalid));
    assertThat(SqsFixture.drain(sqs, queues.output())).hasSize(SqsFixture.MAX_RECEIVES)
        .allSatisfy(m -> assertThat(json(m).get("errorType").asText()).isEqualTo("DisruptionFormatException"));
    assertThat(SqsFixture.depth(sqs, queues.input())).isZero();
    assertThat(w.stats().rejected()).isEqualTo(SqsFixture.MAX_RECEIVES);
  }

  @Test
  void worker_aRunLongerThanTheVisibilityTimeout_keepsItsMessageFromOtherWorkers() throws Exception {
    SqsFixture.Model slow = new SqsFixture.Model();
    CompletableFuture<Void> hold = new CompletableFuture<>();
    slow.hold = hold;
    SqsFixture.Model other = new SqsFixture.Model();
    DisruptionWorker first = started(worker("i-1", slow, Duration.ofMinutes(2)).visibilityTimeout(Duration.ofSeconds(6)));
    send(DisruptionJson.write(ey123));
    SqsFixture.await("the arbitrator call of i-1", () -> slow.count(Phase.ARBITRATION) == 1);
    DisruptionWorker second = started(worker("i-2", other, Duration.ofMinutes(2)));

    // two and a half visibility timeouts pass while the run is in flight (renewed every 2 s, so a
    // renewal may come 4 s late on a loaded machine); the message stays with i-1
    Thread.sleep(15_000);
    hold.complete(null);
    SqsFixture.await("the message deleted", () -> first.stats().deleted() == 1);

    assertThat(second.stats().received()).isZero();
    assertThat(other.calls).isEmpty();
  }

  @Test
  void shutdown_withARunInFlight_releasesMessageAndLease_andAnotherWorkerResumesItFromPhase2() throws Exception {
    SqsFixture.Model stopping = new SqsFixture.Model();
    stopping.hold = new CompletableFuture<>();
    DisruptionWorker first = started(worker("i-1", stopping, Duration.ofMinutes(2)));
    send(DisruptionJson.write(ey123));
    SqsFixture.await("the arbitrator call of i-1", () -> stopping.count(Phase.ARBITRATION) == 1);

    boolean finished = first.shutdown(Duration.ZERO);
    SqsFixture.Model model = new SqsFixture.Model();
    DisruptionWorker second = started(worker("i-2", model, Duration.ofMinutes(2)));
    SqsFixture.await("the message deleted by i-2", () -> second.stats().deleted() == 1);

    assertThat(finished).isFalse();
    assertThat(first.stats().released()).isEqualTo(1);
    assertThat(model.calls).singleElement().satisfies(c -> assertThat(c.phase()).isEqualTo(Phase.ARBITRATION));
    assertThat(store.decisions()).singleElement().satisfies(s -> assertThat(s.decidedBy()).isEqualTo("i-2"));
    assertThat(SqsFixture.drain(sqs, queues.output())).singleElement()
        .satisfies(m -> assertThat(json(m).get("decision").get("resumedPhases").size()).isEqualTo(2));
  }

  @Test
  void start_onAQueueWithoutARedrivePolicy_failsSayingWhy() {
    String plain = sqs.createQueue(b -> b.queueName("no-redrive")).join().queueUrl();
    DisruptionWorker w = DisruptionWorker.builder().sqs(sqs).inputQueueUrl(plain)
        .orchestrator(SqsFixture.orchestrator("i-1", new SqsFixture.Model(), airline, store, Duration.ofMinutes(1)))
        .documentReader(SqsFixture.reader(airline)).build();

    assertThatThrownBy(w::start).isInstanceOf(SqsWorkerException.class).hasMessageContaining("redrive policy");
  }

  @Test
  void builder_checksEachSettingAsItIsGiven() {
    DisruptionWorker.Builder b = DisruptionWorker.builder();
    assertThatThrownBy(() -> b.maxInFlight(0)).hasMessageContaining("maxInFlight");
    assertThatThrownBy(() -> b.waitTime(Duration.ofSeconds(21))).hasMessageContaining("waitTime");
    assertThatThrownBy(() -> b.visibilityTimeout(Duration.ofMillis(3500))).hasMessageContaining("whole seconds");
    assertThatThrownBy(() -> b.inputQueueUrl("queue")).hasMessageContaining("queue URL");
    b.maxInFlight(4);
    assertThatThrownBy(() -> b.maxInFlight(8)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("maxInFlight");
    assertThatThrownBy(b::build).hasMessageContaining("sqs(");
  }
}
