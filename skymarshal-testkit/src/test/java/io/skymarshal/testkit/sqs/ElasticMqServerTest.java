package io.skymarshal.testkit.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** ElasticMQ driven by the real SDK client: the SQS features the worker relies on. */
class ElasticMqServerTest {
  private static ElasticMqServer server;
  private static SqsAsyncClient sqs;

  @BeforeAll
  static void start() {
    server = ElasticMqServer.start();
    sqs = server.newAsyncClient();
  }

  @AfterAll
  static void stop() {
    sqs.close();
    server.close();
  }

  private static List<Message> receive(String url, int visibility) {
    return sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(2)
        .visibilityTimeout(visibility).messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
        .join().messages();
  }

  @Test
  void sendReceiveDelete_overTheRealClient() {
    String url = sqs.createQueue(b -> b.queueName("plain")).join().queueUrl();
    sqs.sendMessage(b -> b.queueUrl(url).messageBody("hello é✈")).join();

    List<Message> got = receive(url, 30);

    assertThat(got).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("hello é✈"));
    sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(got.get(0).receiptHandle())).join();
    sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(got.get(0).receiptHandle()).visibilityTimeout(0));
    assertThat(receive(url, 30)).isEmpty();
  }

  @Test
  void redrivePolicy_movesAMessageReceivedTooOftenToTheDeadLetterQueue() {
    String dlq = sqs.createQueue(b -> b.queueName("dead")).join().queueUrl();
    String arn = sqs.getQueueAttributes(b -> b.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN)).join()
        .attributes().get(QueueAttributeName.QUEUE_ARN);
    String url = sqs.createQueue(b -> b.queueName("work").attributes(Map.of(QueueAttributeName.REDRIVE_POLICY,
        "{\"maxReceiveCount\":\"2\",\"deadLetterTargetArn\":\"" + arn + "\"}"))).join().queueUrl();
    sqs.sendMessage(b -> b.queueUrl(url).messageBody("poison")).join();

    for (int i = 1; i <= 2; i++) {
      List<Message> got = receive(url, 30);
      assertThat(got).singleElement().satisfies(m -> assertThat(m.attributes())
          .containsKey(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
      sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(got.get(0).receiptHandle()).visibilityTimeout(0))
          .join();
    }

    assertThat(receive(url, 30)).isEmpty();
    assertThat(receive(dlq, 30)).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("poison"));
  }
}
