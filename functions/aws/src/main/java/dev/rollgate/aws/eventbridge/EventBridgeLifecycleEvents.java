package dev.rollgate.aws.eventbridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollgate.core.lifecycle.Command;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.workflow.LifecycleEvents;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Publishes rollout lifecycle events on the rollgate event bus, one PutEvents entry each, with the detail-type
 * {@code rollgate.rollout.<status>} (e.g. {@code rollgate.rollout.rolled_back}) so notification rules can match
 * on the type alone. The detail carries identities and numbers only, never policy text or task tokens.
 */
public final class EventBridgeLifecycleEvents implements LifecycleEvents {
    public static final String SOURCE = "rollgate";
    public static final String DETAIL_TYPE_PREFIX = "rollgate.rollout.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventBridgeClient events;
    private final String busName;

    public EventBridgeLifecycleEvents(EventBridgeClient events, String busName) {
        this.events = Objects.requireNonNull(events, "events");
        if (busName == null || busName.isBlank()) {
            throw new IllegalArgumentException("event bus name must be non-blank");
        }
        this.busName = busName;
    }

    public static String detailTypeOf(Command.PublishEvent event) {
        return DETAIL_TYPE_PREFIX + event.status().name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void publish(Rollout rollout, Command.PublishEvent event, Instant at) {
        PutEventsRequestEntry entry = PutEventsRequestEntry.builder()
                .eventBusName(busName)
                .source(SOURCE)
                .detailType(detailTypeOf(event))
                .time(at)
                .detail(detail(rollout, event, at))
                .build();
        PutEventsResponse response;
        try {
            response = events.putEvents(PutEventsRequest.builder().entries(entry).build());
        } catch (SdkException e) {
            throw new LifecycleEventPublishException("PutEvents failed for rollout " + rollout.id(), e);
        }
        if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
            String code = response.entries().isEmpty() ? "unknown" : response.entries().get(0).errorCode();
            throw new LifecycleEventPublishException("PutEvents rejected the event of rollout " + rollout.id()
                    + " (" + code + ")", null);
        }
    }

    static String detail(Rollout rollout, Command.PublishEvent event, Instant at) {
        ObjectNode detail = JSON.createObjectNode();
        detail.put("rolloutId", rollout.id());
        detail.put("tenant", rollout.tenant());
        detail.put("agent", rollout.agent());
        detail.put("candidateVersion", rollout.candidateVersion());
        detail.put("baselineVersion", rollout.baselineVersion());
        detail.put("status", event.status().name());
        detail.put("stageIndex", event.stageIndex());
        detail.put("trafficWeight", event.trafficWeight());
        detail.put("reason", event.reason().name());
        detail.put("detail", event.detail());
        detail.put("at", at.toString());
        try {
            return JSON.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }
}
