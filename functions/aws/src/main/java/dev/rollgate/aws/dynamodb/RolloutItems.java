package dev.rollgate.aws.dynamodb;

import dev.rollgate.core.lifecycle.RolloutState;
import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.state.Rollout;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.Map;

import static dev.rollgate.aws.dynamodb.Attrs.instant;
import static dev.rollgate.aws.dynamodb.Attrs.n;
import static dev.rollgate.aws.dynamodb.Attrs.s;
import static dev.rollgate.aws.dynamodb.StateSchema.CREATED_KEY;
import static dev.rollgate.aws.dynamodb.StateSchema.ROLLOUT_ID;
import static dev.rollgate.aws.dynamodb.StateSchema.TENANT;
import static dev.rollgate.aws.dynamodb.StateSchema.TENANT_AGENT;
import static dev.rollgate.aws.dynamodb.StateSchema.TENANT_STATUS;

/** Rollout <-> item, including the index keys derived from tenant, status, agent and creation time. */
final class RolloutItems {
    static final String VERSION = "version";
    private static final String AGENT = "agent";
    private static final String CANDIDATE = "candidateVersion";
    private static final String BASELINE = "baselineVersion";
    private static final String REQUESTER = "requester";
    private static final String POLICY_NAME = "policyName";
    private static final String POLICY_VERSION = "policyVersion";
    private static final String POLICY_YAML = "policyYaml";
    private static final String STATUS = "status";
    private static final String STAGE_INDEX = "stageIndex";
    private static final String TRAFFIC_WEIGHT = "trafficWeight";
    private static final String STAGE_ENTERED_AT = "stageEnteredAt";
    private static final String STATE_UPDATED_AT = "stateUpdatedAt";
    private static final String LAST_REASON = "lastReason";
    private static final String RUN = "run";
    private static final String LAST_SCORE = "lastScore";
    private static final String CREATED_AT = "createdAt";
    private static final String UPDATED_AT = "updatedAt";

    private RolloutItems() {
    }

    static String tenantStatusKey(String tenant, RolloutStatus status) {
        return Keys.composite(tenant, status.name());
    }

    static String tenantAgentKey(String tenant, String agent) {
        return Keys.composite(tenant, agent);
    }

    static Map<String, AttributeValue> toItem(Rollout r) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ROLLOUT_ID, s(r.id()));
        item.put(TENANT, s(r.tenant()));
        item.put(AGENT, s(r.agent()));
        item.put(CANDIDATE, s(r.candidateVersion()));
        item.put(BASELINE, s(r.baselineVersion()));
        item.put(REQUESTER, s(r.requester()));
        item.put(POLICY_NAME, s(r.policyName()));
        item.put(POLICY_VERSION, n(r.policyVersion()));
        item.put(POLICY_YAML, s(r.policyYaml()));
        RolloutState state = r.state();
        item.put(STATUS, s(state.status().name()));
        item.put(STAGE_INDEX, n(state.stageIndex()));
        item.put(TRAFFIC_WEIGHT, n(state.trafficWeight()));
        item.put(STAGE_ENTERED_AT, instant(state.stageEnteredAt()));
        item.put(STATE_UPDATED_AT, instant(state.updatedAt()));
        item.put(LAST_REASON, s(state.lastReason()));
        item.put(RUN, n(state.run()));
        r.lastScore().ifPresent(score -> item.put(LAST_SCORE, n(score, "lastScore")));
        item.put(CREATED_AT, instant(r.createdAt()));
        item.put(UPDATED_AT, instant(r.updatedAt()));
        item.put(VERSION, n(r.version()));
        item.put(TENANT_STATUS, s(tenantStatusKey(r.tenant(), state.status())));
        item.put(TENANT_AGENT, s(tenantAgentKey(r.tenant(), r.agent())));
        item.put(CREATED_KEY, s(Keys.createdKey(r.createdAt(), r.id())));
        return item;
    }

    /** Items stored before runs were counted lack the attribute; they are of the first run. */
    private static int run(Map<String, AttributeValue> item) {
        return item.containsKey(RUN) ? (int) Attrs.lng(item, RUN) : RolloutState.FIRST_RUN;
    }

    static Rollout fromItem(Map<String, AttributeValue> item) {
        RolloutState state = new RolloutState(RolloutStatus.valueOf(Attrs.str(item, STATUS)),
                (int) Attrs.lng(item, STAGE_INDEX), (int) Attrs.lng(item, TRAFFIC_WEIGHT),
                Attrs.instant(item, STAGE_ENTERED_AT), Attrs.instant(item, STATE_UPDATED_AT),
                Attrs.str(item, LAST_REASON), run(item));
        return new Rollout(Attrs.str(item, ROLLOUT_ID), Attrs.str(item, TENANT), Attrs.str(item, AGENT),
                Attrs.str(item, CANDIDATE), Attrs.str(item, BASELINE), Attrs.str(item, REQUESTER),
                Attrs.str(item, POLICY_NAME), Attrs.lng(item, POLICY_VERSION), Attrs.str(item, POLICY_YAML), state,
                Attrs.optDbl(item, LAST_SCORE), Attrs.instant(item, CREATED_AT), Attrs.instant(item, UPDATED_AT),
                Attrs.lng(item, VERSION));
    }
}
