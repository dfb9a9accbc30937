package dev.rollgate.load;

import dev.rollgate.aws.dynamodb.DynamoDbStateStores;
import dev.rollgate.aws.dynamodb.StateTables;
import dev.rollgate.aws.dynamodb.TableNames;
import dev.rollgate.aws.testing.AwsEmulatorExtension;
import dev.rollgate.aws.testing.AwsEndpoint;
import dev.rollgate.core.metrics.RejectionReason;
import dev.rollgate.core.metrics.WindowParser;
import dev.rollgate.core.state.StateStores;
import dev.rollgate.core.workflow.IngestMetricWindow;
import dev.rollgate.core.workflow.bind.ParserWindowDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingest rules at small scale on DynamoDB, with concurrent workers: out-of-order and late windows are all
 * stored, each exactly once; a repeat with the same content is a duplicate; a repeat with other numbers is rejected
 * and counted; invalid windows are rejected with their reason, counted, and not stored.
 */
@ExtendWith(AwsEmulatorExtension.class)
class IngestExactlyOnceIT {

    @Test
    void concurrentDisorderedDeliveriesAreStoredExactlyOnceAndEveryRejectionIsCounted(AwsEndpoint aws)
            throws Exception {
        StateStores stores = stores(aws);
        List<String> rollouts = IngestLoad.rollouts(stores, "it", 4);
        IngestPlan plan = IngestPlan.build(rollouts, 120, new IngestPlan.Mix(0.08, 0.05, 0.1, 0.05, 16), 7,
                IngestLoad.START);
        IngestMetricWindow ingest = new IngestMetricWindow(new ParserWindowDecoder(new WindowParser()),
                stores.windows(), stores.rollouts());

        IngestRun.Result run = IngestRun.run(ingest, IngestLoad.TENANT, plan, 4);
        IngestVerifier.Report report = IngestVerifier.verify(plan, run.outcomes(), stores.windows(),
                IngestLoad.START);

        assertThat(report.problems()).isEmpty();
        assertThat(report.stored()).isEqualTo(report.identities()).isEqualTo(report.storedItems());
        assertThat(report.duplicates()).isPositive();
        assertThat(report.rejectedByReason()).containsKeys(RejectionReason.CONFLICTING_DUPLICATE.name(),
                "FUTURE_WINDOW", "NO_ROLLOUT", "NEGATIVE_COUNT");
        long invalid = plan.deliveries().stream().filter(d -> d.kind() == IngestPlan.Kind.MALFORMED
                || d.kind() == IngestPlan.Kind.FUTURE || d.kind() == IngestPlan.Kind.UNKNOWN_ROLLOUT).count();
        assertThat(report.rejectedByReason().get("FUTURE_WINDOW") + report.rejectedByReason().get("NO_ROLLOUT")
                + report.rejectedByReason().get("NEGATIVE_COUNT")).isEqualTo(invalid);
    }

    @Test
    void sameDeliveriesAgainStoreNothingNew(AwsEndpoint aws) throws Exception {
        StateStores stores = stores(aws);
        IngestPlan plan = IngestPlan.build(IngestLoad.rollouts(stores, "again", 2), 40,
                new IngestPlan.Mix(0, 0, 0, 0.1, 8), 11, IngestLoad.START);
        IngestMetricWindow ingest = new IngestMetricWindow(new ParserWindowDecoder(new WindowParser()),
                stores.windows(), stores.rollouts());
        IngestRun.run(ingest, IngestLoad.TENANT, plan, 2);

        IngestRun.Result again = IngestRun.run(ingest, IngestLoad.TENANT, plan, 2);

        assertThat(again.outcomes()).allSatisfy(o -> assertThat(o)
                .isInstanceOf(dev.rollgate.core.workflow.IngestOutcome.Duplicate.class));
    }

    private static StateStores stores(AwsEndpoint aws) {
        TableNames tables = TableNames.withPrefix("ingest-" + UUID.randomUUID().toString().substring(0, 8)
                .toLowerCase(Locale.ROOT) + "-");
        StateTables.createAll(aws.dynamoDb(), tables);
        return DynamoDbStateStores.create(aws.dynamoDb(), tables);
    }
}
