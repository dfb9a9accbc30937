package dev.rollgate.console.bench;

import dev.rollgate.aws.dynamodb.DynamoDbBulkSeed;
import dev.rollgate.aws.dynamodb.StateSchema;
import dev.rollgate.aws.dynamodb.TableNames;
import dev.rollgate.console.ConsoleApplication;
import dev.rollgate.console.approvals.ApprovalDesk;
import dev.rollgate.console.approvals.PendingCursor;
import dev.rollgate.console.rollouts.ChartWindows;
import dev.rollgate.console.rollouts.RolloutDetails;
import dev.rollgate.console.rollouts.RolloutFilter;
import dev.rollgate.console.rollouts.RolloutQueries;
import dev.rollgate.console.rollouts.RolloutRow;
import dev.rollgate.console.security.ConsoleUser;
import dev.rollgate.console.support.Browser;
import dev.rollgate.console.support.ConsoleFixture;
import dev.rollgate.console.support.DynamoDbOperationLog;
import dev.rollgate.core.lifecycle.RolloutState;
import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.metrics.Variant;
import dev.rollgate.core.state.ApprovalRequest;
import dev.rollgate.core.state.NewRollout;
import dev.rollgate.core.state.Page;
import dev.rollgate.core.state.PageRequest;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.state.RolloutChange;
import dev.rollgate.core.state.StateStores;
import dev.rollgate.core.workflow.ApprovalIds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console at scale (issue #11), run by {@code infra/bench-console.sh}, never by {@code infra/test.sh} (the
 * name matches neither the unit nor the integration test pattern). Seeds moto with 10,000 rollouts of one
 * tenant and 1,000 pending approvals in the adapters' own item layouts, then times the console's services as
 * its views call them in the running application on the DynamoDB backend: the rollouts page's first page, the
 * approvals page, paging page by page to page 20, and the rollout detail page's load and 2-second poll. Prints
 * p50/p95 server times and the DynamoDB operations each made; the only assertion is that none is a Scan.
 * Timings are reported, never asserted.
 */
@SpringBootTest(classes = {ConsoleApplication.class, DynamoDbOperationLog.class, ServerTimes.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"rollgate.console.backend=dynamodb", "rollgate.console.dynamodb.create-tables=true"})
@ActiveProfiles("local")
class ConsoleAtScaleBenchmark {
    private static final String PREFIX = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private static final int ROLLOUTS = Integer.getInteger("bench.rollouts", 10_000);
    private static final int PENDING = Integer.getInteger("bench.approvals", 1_000);
    private static final int REPS = Integer.getInteger("bench.reps", 10);
    private static final int WALK_REPS = Integer.getInteger("bench.walk-reps", 3);
    private static final int PAGES = 20;
    private static final int DETAIL_WINDOWS = Integer.getInteger("bench.detail-windows", 1_440);

    @DynamicPropertySource
    static void moto(DynamicPropertyRegistry registry) {
        String endpoint = System.getenv("AWS_ENDPOINT_URL");
        if (endpoint == null || endpoint.isBlank()) {
            throw new IllegalStateException("AWS_ENDPOINT_URL is not set: run infra/bench-console.sh");
        }
        registry.add("rollgate.console.dynamodb.endpoint", () -> endpoint);
        registry.add("rollgate.console.dynamodb.table-prefix", () -> PREFIX);
    }

    @Autowired
    DynamoDbClient dynamo;
    @Autowired
    StateStores stores;
    @Autowired
    RolloutQueries queries;
    @Autowired
    ApprovalDesk desk;
    @Autowired
    RolloutDetails details;
    @Autowired
    Clock clock;
    @LocalServerPort
    int port;

    private final StringBuilder report = new StringBuilder();
    private final ConsoleUser bob = ConsoleFixture.bob();

    @Test
    void console_pages_at_scale_are_served_by_queries_only() throws IOException {
        Instant now = clock.instant();
        // First, while the tables are small: moto copies every table a transaction touches.
        String detailId = seedDetailRollout(now);
        long seedStart = System.nanoTime();
        seed(now);
        line("seeded %,d rollouts and %,d pending approvals in %.1f s", ROLLOUTS, PENDING,
                (System.nanoTime() - seedStart) / 1e9);
        RolloutFilter all = RolloutFilter.tenant(ConsoleFixture.ACME);

        line("");
        line("| Page | Reps | p50 ms | p95 ms | of which in DynamoDB calls, mean ms | DynamoDB requests per load"
                + " | Items read per load |");
        line("|---|---|---|---|---|---|---|");
        measure("Reference: the same Query alone through the SDK (no console code)", REPS, () -> dynamo.query(q -> q
                .tableName(TableNames.withPrefix(PREFIX).rollouts()).indexName(StateSchema.BY_TENANT)
                .keyConditionExpression("#t = :t").expressionAttributeNames(Map.of("#t", StateSchema.TENANT))
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(ConsoleFixture.ACME)))
                .scanIndexForward(false).limit(25)));
        measure("Rollouts, first page (25)", REPS, () -> queries.list(bob, all, PageRequest.first(25)));
        measure("Approvals page", REPS, this::approvalsPage);
        measure("Approvals page, before (old reads: every pending approval, then a check per row)",
                Integer.getInteger("bench.before-reps", 1), this::approvalsPageAsBefore, false);
        pageWalk(all);
        measure("Rollout detail, first load", Math.max(3, REPS / 3), () -> details.load(bob, detailId));
        measure("Rollout detail, poll before (old reads: every window, the tenant's pending approvals)",
                Math.max(3, REPS / 3), () -> detailAsBefore(detailId));
        ChartWindows charted = new ChartWindows(detailId);
        details.load(bob, detailId, charted);
        measure("Rollout detail, 2 s poll", REPS, () -> details.load(bob, detailId, charted));

        if (Boolean.parseBoolean(System.getProperty("bench.http", "true"))) {
            throughHttp();
        }

        line("");
        line("DynamoDB operations over the whole run after seeding: %s", totals);
        assertThat(totals).containsKey("Query").doesNotContainKey("Scan");
    }

    /**
     * The same pages through HTTP and Vaadin in headless Chromium, timed on the server (all requests an action
     * caused, from the first filter until the response was written; the 2-second poll may add one): a full load of
     * the rollouts page, each click on Next to page 20, and a full load of the approvals page.
     */
    private void throughHttp() {
        int reps = Integer.getInteger("bench.http-reps", 2);
        List<Double> rolloutsLoad = new ArrayList<>();
        List<Double> approvalsLoad = new ArrayList<>();
        List<Double> nextClicks = new ArrayList<>();
        String newest = String.format(Locale.ROOT, "ro-%05d", ROLLOUTS - 1);
        String oldestApproval = ApprovalIds.of("ro-00000", new RolloutState(RolloutStatus.HOLD, 1, 10,
                seededAt(0).plus(Duration.ofMinutes(30)), seededAt(0).plus(Duration.ofMinutes(30)), "HOLD"));
        DynamoDbOperationLog.clear();
        try (Browser browser = new Browser(port)) {
            browser.signIn(ConsoleFixture.BOB, "bob-secret");
            for (int rep = 0; rep <= reps; rep++) {
                ServerTimes.clear();
                browser.open("/rollouts");
                browser.waitFor(By.cssSelector("[data-rollout='" + newest + "']"));
                double load = ServerTimes.workMillis();
                for (int p = 2; p <= PAGES; p++) {
                    ServerTimes.clear();
                    browser.click(By.id("page-next"));
                    browser.waitForText(By.id("page-info"), "page " + p);
                    if (rep > 0) {
                        nextClicks.add(ServerTimes.workMillis());
                    }
                }
                ServerTimes.clear();
                browser.open("/approvals");
                browser.waitFor(By.id("decide-" + oldestApproval));
                if (rep > 0) { // the first round warms up
                    rolloutsLoad.add(load);
                    approvalsLoad.add(ServerTimes.workMillis());
                }
            }
        }
        Map<String, Integer> ops = DynamoDbOperationLog.counts();
        add(ops);
        line("| HTTP: rollouts page, full load | %d | %.1f | %.1f | | | |", reps, percentile(rolloutsLoad, 50),
                percentile(rolloutsLoad, 95));
        line("| HTTP: rollouts page, Next (pages 2-20) | %d | %.1f | %.1f | | | |", nextClicks.size(),
                percentile(nextClicks, 50), percentile(nextClicks, 95));
        line("| HTTP: approvals page, full load | %d | %.1f | %.1f | | | |", reps, percentile(approvalsLoad, 50),
                percentile(approvalsLoad, 95));
        line("");
        line("DynamoDB operations of the HTTP rounds (including the 2-second polls): %s", ops);
    }

    /** What the approvals view reads for its first page (rows carry whether the user may decide them). */
    private Object approvalsPage() {
        return desk.pending(bob, PendingCursor.first(bob));
    }

    /**
     * The reads the approvals view made before it paged (for the side-by-side figure): every pending approval of
     * the tenant (up to 10 pages of 100), then for each row whether the user may decide it (the approval and its
     * rollout read again).
     */
    private Object approvalsPageAsBefore() {
        List<ApprovalRequest> all = new ArrayList<>();
        PageRequest request = PageRequest.first(100);
        for (int i = 0; i < 10; i++) {
            Page<ApprovalRequest> page = stores.approvals().pending(ConsoleFixture.ACME, request);
            all.addAll(page.items());
            if (!page.hasNext()) {
                break;
            }
            request = request.next(page);
        }
        all.forEach(a -> desk.whyNot(bob, a.id()));
        return all.size();
    }

    /**
     * The reads of a detail poll before it kept its windows: the whole load with every window from the start, and
     * the tenant's pending approvals in pages of 200 to find the rollout's own.
     */
    private Object detailAsBefore(String rolloutId) {
        Object detail = details.load(bob, rolloutId);
        PageRequest request = PageRequest.first(200);
        for (int i = 0; i < 25; i++) {
            Page<ApprovalRequest> page = stores.approvals().pending(ConsoleFixture.ACME, request);
            if (!page.hasNext()) {
                break;
            }
            request = request.next(page);
        }
        return detail;
    }

    private void pageWalk(RolloutFilter filter) {
        List<List<Double>> perPage = new ArrayList<>();
        for (int p = 0; p < PAGES; p++) {
            perPage.add(new ArrayList<>());
        }
        DynamoDbOperationLog.clear();
        for (int rep = 0; rep < WALK_REPS; rep++) {
            PageRequest request = PageRequest.first(25);
            for (int p = 0; p < PAGES; p++) {
                long start = System.nanoTime();
                Page<RolloutRow> page = queries.list(bob, filter, request);
                perPage.get(p).add((System.nanoTime() - start) / 1e6);
                assertThat(page.items()).hasSize(25);
                request = request.next(page);
            }
        }
        Map<String, Integer> ops = DynamoDbOperationLog.counts();
        long items = DynamoDbOperationLog.QUERY_ITEMS.get();
        double sdkMillis = DynamoDbOperationLog.SDK_NANOS.get() / 1e6;
        add(ops);
        for (int p : new int[]{1, 2, 5, 10, 15, 20}) {
            List<Double> samples = perPage.get(p - 1);
            line("| Rollouts, page %d | %d | %.1f | %.1f | %.1f | %s | %.0f |", p, WALK_REPS,
                    percentile(samples, 50), percentile(samples, 95), sdkMillis / (WALK_REPS * PAGES),
                    perLoad(ops, WALK_REPS * PAGES), (double) items / (WALK_REPS * PAGES));
        }
    }

    private void measure(String what, int reps, Supplier<Object> load) {
        measure(what, reps, load, true);
    }

    private void measure(String what, int reps, Supplier<Object> load, boolean warmUp) {
        if (warmUp) {
            load.get(); // outside the figures: class loading, JIT, the connection pool
        }
        DynamoDbOperationLog.clear();
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            long start = System.nanoTime();
            load.get();
            samples.add((System.nanoTime() - start) / 1e6);
        }
        Map<String, Integer> ops = DynamoDbOperationLog.counts();
        add(ops);
        line("| %s | %d | %.1f | %.1f | %.1f | %s | %.0f |", what, reps, percentile(samples, 50),
                percentile(samples, 95), DynamoDbOperationLog.SDK_NANOS.get() / 1e6 / reps, perLoad(ops, reps),
                (double) DynamoDbOperationLog.QUERY_ITEMS.get() / reps);
    }

    private final Map<String, Integer> totals = new java.util.TreeMap<>();

    private void add(Map<String, Integer> ops) {
        ops.forEach((k, v) -> totals.merge(k, v, Integer::sum));
    }

    private static String perLoad(Map<String, Integer> ops, int loads) {
        List<String> parts = new ArrayList<>();
        ops.forEach((op, n) -> parts.add(String.format(Locale.ROOT, "%s %s", trim((double) n / loads), op)));
        return String.join(", ", parts);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static double percentile(List<Double> samples, int p) {
        List<Double> sorted = samples.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /** Adds a report line, printed and written at once so a long run shows its progress. */
    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        report.append(text).append('\n');
        System.out.println(text);
        try {
            Files.writeString(Path.of("target", "bench-console.md"), report);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write target/bench-console.md", e);
        }
    }

    // ---- data -------------------------------------------------------------------------------------------------

    /**
     * 10,000 rollouts of tenant acme, one a minute, the oldest 1,000 held at canary-1 with a pending approval
     * each (ids as the workflow derives them), the others spread over the other statuses.
     */
    private void seed(Instant now) {
        DynamoDbBulkSeed seed = new DynamoDbBulkSeed(dynamo, TableNames.withPrefix(PREFIX));
        RolloutStatus[] others = {RolloutStatus.PROMOTED, RolloutStatus.ROLLED_BACK, RolloutStatus.CANARY,
                RolloutStatus.ABORTED, RolloutStatus.SHADOW, RolloutStatus.BAKING};
        seedBase = now.minus(Duration.ofMinutes(ROLLOUTS + 60));
        List<Rollout> rollouts = new ArrayList<>();
        List<ApprovalRequest> approvals = new ArrayList<>();
        for (int i = 0; i < ROLLOUTS; i++) {
            Instant created = seededAt(i);
            Rollout r = Rollout.created(new NewRollout(String.format(Locale.ROOT, "ro-%05d", i), ConsoleFixture.ACME,
                    "agent-" + (i % 20), "v" + (i + 2), "v" + (i + 1), ConsoleFixture.ALICE, "default", 1,
                    ConsoleFixture.POLICY_YAML), created);
            Instant moved = created.plus(Duration.ofMinutes(30));
            RolloutStatus status = i < PENDING ? RolloutStatus.HOLD : others[i % others.length];
            RolloutState state = new RolloutState(status, 1, status == RolloutStatus.PROMOTED ? 100 : 10, moved,
                    moved, status.name());
            r = r.apply(new RolloutChange(r.id(), 1, state, Optional.of(80.0 + i % 20), moved, List.of()));
            rollouts.add(r);
            if (status == RolloutStatus.HOLD) {
                approvals.add(ApprovalRequest.pending(ApprovalIds.of(r.id(), state), r.id(), r.tenant(), "canary-1",
                        "marginal-score", r.requester(), "task-token-" + i, moved, now.plus(Duration.ofHours(2))));
            }
        }
        seed.rollouts(rollouts);
        seed.approvals(approvals);
    }

    private Instant seedBase;

    private Instant seededAt(int i) {
        return seedBase.plus(Duration.ofMinutes(i));
    }

    /** One running rollout with a day of per-minute windows per variant and an evaluation every 5 minutes. */
    private String seedDetailRollout(Instant now) {
        Instant created = now.minus(Duration.ofMinutes(DETAIL_WINDOWS + 30));
        Rollout r = ConsoleFixture.start(stores, ConsoleFixture.ACME, "detail-agent", ConsoleFixture.ALICE, created);
        Instant canaryFrom = created.plus(Duration.ofMinutes(30));
        ConsoleFixture.move(stores, r.id(), RolloutStatus.CANARY, 1, 10, Optional.empty(), canaryFrom,
                ConsoleFixture.stageEntered(canaryFrom, "canary-1", 10));
        for (int m = 5; m < DETAIL_WINDOWS; m += 60) {
            Instant at = canaryFrom.plus(Duration.ofMinutes(m));
            ConsoleFixture.move(stores, r.id(), RolloutStatus.CANARY, 1, 10, Optional.of(96.0), at,
                    ConsoleFixture.gateEvaluated(at, "canary-1", 96.0, "PASS"));
        }
        List<MetricWindow> canary = new ArrayList<>();
        List<MetricWindow> baseline = new ArrayList<>();
        for (int m = 0; m < DETAIL_WINDOWS; m++) {
            Instant start = canaryFrom.plus(Duration.ofMinutes(m));
            canary.add(ConsoleFixture.window(Variant.CANARY, start, 120, m % 3, 900 + m % 50));
            baseline.add(ConsoleFixture.window(Variant.BASELINE, start, 1080, 5 + m % 4, 880 + m % 40));
        }
        DynamoDbBulkSeed seed = new DynamoDbBulkSeed(dynamo, TableNames.withPrefix(PREFIX));
        seed.windows(r.id(), canary);
        seed.windows(r.id(), baseline);
        return r.id();
    }
}
