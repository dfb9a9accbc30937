package dev.rollgate.aws.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollgate.aws.testing.AwsEmulatorExtension;
import dev.rollgate.aws.testing.AwsEndpoint;
import dev.rollgate.core.lifecycle.Command;
import dev.rollgate.core.lifecycle.ReasonCode;
import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.state.StateFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.CreateEventBusRequest;
import software.amazon.awssdk.services.eventbridge.model.PutRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsRequest;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Lifecycle events reach a rule target on the rollgate bus with the documented detail-type and detail. */
@ExtendWith(AwsEmulatorExtension.class)
class EventBridgeLifecycleEventsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static EventBridgeClient events;
    private static SqsClient sqs;
    private static String bus;
    private static String queueUrl;

    @BeforeAll
    static void createBusWithQueueTarget(AwsEndpoint aws) {
        events = aws.configure(EventBridgeClient.builder()).build();
        sqs = aws.configure(SqsClient.builder()).build();
        bus = StateFixture.unique("it-rollgate");
        events.createEventBus(CreateEventBusRequest.builder().name(bus).build());
        queueUrl = sqs.createQueue(CreateQueueRequest.builder().queueName(bus + "-events").build()).queueUrl();
        String queueArn = sqs.getQueueAttributes(GetQueueAttributesRequest.builder().queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN).build()).attributes().get(QueueAttributeName.QUEUE_ARN);
        events.putRule(PutRuleRequest.builder().name("rolled-back").eventBusName(bus)
                .eventPattern("{\"source\":[\"rollgate\"],\"detail-type\":[\"rollgate.rollout.rolled_back\"]}")
                .build());
        events.putTargets(PutTargetsRequest.builder().rule("rolled-back").eventBusName(bus)
                .targets(Target.builder().id("queue").arn(queueArn).build()).build());
    }

    @AfterAll
    static void close() {
        if (events != null) {
            events.close();
            sqs.close();
        }
    }

    @Test
    void aRolledBackEventArrivesWithItsTypeAndRolloutFields() throws Exception {
        Rollout rollout = Rollout.created(StateFixture.newRollout("acme", "support-agent"), Instant.parse(
                "2026-11-27T10:00:00Z"));
        var publisher = new EventBridgeLifecycleEvents(events, bus);

        publisher.publish(rollout, new Command.PublishEvent(RolloutStatus.CANARY, 1, 10,
                ReasonCode.TRAFFIC_SHIFT_CONFIRMED, "entered canary-1"), Instant.parse("2026-11-27T10:05:00Z"));
        publisher.publish(rollout, new Command.PublishEvent(RolloutStatus.ROLLED_BACK, 1, 0,
                ReasonCode.TRIGGER_ERROR_RATE_RATIO, "error rate x2"), Instant.parse("2026-11-27T10:10:00Z"));

        List<Message> received = receiveAll();
        assertThat(received).hasSize(1);
        JsonNode event = JSON.readTree(received.get(0).body());
        assertThat(event.path("detail-type").asText()).isEqualTo("rollgate.rollout.rolled_back");
        assertThat(event.path("source").asText()).isEqualTo("rollgate");
        JsonNode detail = event.path("detail");
        assertThat(detail.path("rolloutId").asText()).isEqualTo(rollout.id());
        assertThat(detail.path("tenant").asText()).isEqualTo("acme");
        assertThat(detail.path("status").asText()).isEqualTo("ROLLED_BACK");
        assertThat(detail.path("trafficWeight").asInt()).isZero();
        assertThat(detail.path("detail").asText()).isEqualTo("error rate x2");
        assertThat(detail.has("policyYaml")).isFalse();
    }

    private static List<Message> receiveAll() {
        List<Message> all = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            all.addAll(sqs.receiveMessage(ReceiveMessageRequest.builder().queueUrl(queueUrl)
                    .maxNumberOfMessages(10).waitTimeSeconds(1).build()).messages());
        }
        return all;
    }
}
