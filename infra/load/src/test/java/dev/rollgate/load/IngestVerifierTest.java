package dev.rollgate.load;

import dev.rollgate.core.metrics.WindowParser;
import dev.rollgate.core.state.InMemoryStateStores;
import dev.rollgate.core.state.StateStores;
import dev.rollgate.core.workflow.IngestMetricWindow;
import dev.rollgate.core.workflow.IngestOutcome;
import dev.rollgate.core.workflow.bind.ParserWindowDecoder;
import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The ingest verifier passes a correct run and catches each way a run can be wrong. */
class IngestVerifierTest {
    private final StateStores stores = InMemoryStateStores.create();
    private final IngestMetricWindow ingest = new IngestMetricWindow(new ParserWindowDecoder(new WindowParser()),
            stores.windows(), stores.rollouts());
    private final IngestPlan plan = IngestPlan.build(IngestLoad.rollouts(stores, "v", 3), 200,
            new IngestPlan.Mix(0.1, 0.05, 0.06, 0.05, 8), 3, IngestLoad.START);

    @Test
    void correctRunPasses() throws Exception {
        IngestRun.Result run = IngestRun.run(ingest, IngestLoad.TENANT, plan, 3);
        assertThat(IngestVerifier.verify(plan, run.outcomes(), stores.windows(), IngestLoad.START).problems())
                .isEmpty();
    }

    @Test
    void aDuplicateReportedAsStoredIsCaught() throws Exception {
        IngestOutcome[] outcomes = IngestRun.run(ingest, IngestLoad.TENANT, plan, 1).outcomes();
        int duplicate = IntStream.range(0, outcomes.length).filter(i -> outcomes[i] instanceof IngestOutcome.Duplicate)
                .findFirst().orElseThrow();
        outcomes[duplicate] = new IngestOutcome.Stored(plan.deliveries().get(duplicate).rolloutId());
        assertThat(IngestVerifier.verify(plan, outcomes, stores.windows(), IngestLoad.START).problems())
                .anySatisfy(p -> assertThat(p).contains("2 deliveries were STORED"));
    }

    @Test
    void aRejectionTheStoreDidNotCountIsCaught() throws Exception {
        IngestOutcome[] outcomes = IngestRun.run(ingest, IngestLoad.TENANT, plan, 1).outcomes();
        stores.windows().countRejected(IngestMetricWindow.UNROUTED, "NEGATIVE_COUNT");
        assertThat(IngestVerifier.verify(plan, outcomes, stores.windows(), IngestLoad.START).problems())
                .anySatisfy(p -> assertThat(p).startsWith("rejections of unrouted"));
    }

    @Test
    void aWindowMissingFromTheStoreIsCaught() throws Exception {
        IngestOutcome[] outcomes = IngestRun.run(ingest, IngestLoad.TENANT, plan, 1).outcomes();
        StateStores empty = InMemoryStateStores.create();
        assertThat(IngestVerifier.verify(plan, outcomes, empty.windows(), IngestLoad.START).problems())
                .anySatisfy(p -> assertThat(p).contains("the stored window is not the delivery that was STORED"));
    }
}
