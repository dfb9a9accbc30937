package dev.rollgate.load;

import dev.rollgate.aws.cordum.ApiKey;
import dev.rollgate.aws.cordum.CordumClientConfig;
import dev.rollgate.aws.cordum.HttpCordumClient;
import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.metrics.Variant;
import dev.rollgate.core.preflight.PreflightGate;
import dev.rollgate.core.state.ApprovalRequest;
import dev.rollgate.core.state.MetricWindowStore;
import dev.rollgate.core.state.Page;
import dev.rollgate.core.state.PageRequest;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.state.StateStores;
import dev.rollgate.core.state.WindowPutOutcome;
import dev.rollgate.core.workflow.ApprovalDecisionOutcome;
import dev.rollgate.core.workflow.PreflightCheck;
import dev.rollgate.core.workflow.StartRolloutOutcome;
import dev.rollgate.core.workflow.StartRolloutRequest;
import dev.rollgate.core.workflow.bind.GatePreflightCheck;
import dev.rollgate.standin.CordumStandIn;
import dev.rollgate.standin.StandInConfig;
import dev.rollgate.statemachine.local.LocalRollgate;
import dev.rollgate.statemachine.local.ScenarioTraffic;
import dev.rollgate.statemachine.runner.ExecutionStatus;
import dev.rollgate.statemachine.runner.IdSource;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The rollout load run: N rollouts started at once on one local runner executing the real
 * {@code rollout.asl.json}, with state in DynamoDB on moto (or the in-memory fakes), preflight against the Cordum
 * stand-in over HTTP, and simulated traffic on a virtual clock that runs as fast as the machine allows. Then every
 * rollout is checked against its scenario ({@link RolloutVerifier}). Exit code 0 only when all pass.
 *
 * <pre>java -cp rollgate-load.jar dev.rollgate.load.RolloutLoad --rollouts 200 --threads 4 --store dynamodb</pre>
 */
public final class RolloutLoad {
    static final String TENANT = "acme";
    static final String REQUESTER = "alice";
    static final String APPROVER = "bob";
    /**
     * The scenario tests' short plan (shadow 30 min, canary 10 % and 50 % judged every 15 min, 1 h bake) with the
     * sandbox's metric tolerances and triggers, so each scenario meets its own gate within a few virtual hours.
     */
    static final String POLICY = """
            name: load-policy
            preflight:
              topics: [job.support.reply]
              workflow: {id: wf-support, environment: staging, input: {ticket: T-1}}
            metrics:
              - {name: error_rate}
              - {name: latency_p50, critical: true}
              - {name: latency_p90, allowed_effect: 0.05}
              - {name: latency_p99, allowed_effect: 0.05}
              - {name: policy_deny_rate}
              - {name: safety_deny_rate}
              - {name: parse_failure_rate}
              - {name: schema_violation_rate}
            rollout_gates:
              min_data_points_per_metric: 30
              canary_lifetime_hours: 1
              metric_interval_hours: 0.25
              shadow_hours: 0.5
              bake_hours: 1
              score: {pass: 95, marginal: 75}
              rollback_triggers: {max_error_rate_delta: 2.0, max_policy_deny_rate: 0.015}
            """;
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final LocalRollgate rollgate;
    private final StateStores stores;
    private final HistoryLedger ledger;
    private final List<ScenarioTraffic> shards = new ArrayList<>();
    private final ExecutorService pool;
    private final Map<String, LoadScenario> scenarios = new ConcurrentHashMap<>();
    private final Map<String, ScenarioTraffic> followedBy = new ConcurrentHashMap<>();
    private final Set<String> handledApprovals = new HashSet<>();
    private final Map<String, Long> approvalOutcomes = new TreeMap<>();
    private final AtomicLong windowsStored = new AtomicLong();
    private final AtomicLong windowsDuplicate = new AtomicLong();
    /** Rollouts seen terminal; a terminal status is final, so the driver's loop reads each of them no more. */
    private final Set<String> seenTerminal = ConcurrentHashMap.newKeySet();

    RolloutLoad(StateStores backend, PreflightCheck preflight, int threads) {
        this.ledger = new HistoryLedger();
        StateStores recorded = ledger.recording(backend);
        this.stores = new StateStores(recorded.rollouts(), recorded.history(), counting(recorded.windows()),
                recorded.approvals(), recorded.starts(), recorded.policies());
        this.rollgate = LocalRollgate.create(stores, preflight, Instant.parse("2026-11-27T09:00:00Z"),
                IdSource.sequential());
        this.pool = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < threads; i++) {
            shards.add(new ScenarioTraffic(rollgate));
        }
    }

    public static void main(String[] args) throws Exception {
        LoadArgs options = new LoadArgs(args, Set.of("rollouts", "threads", "store", "max-seconds",
                "max-virtual-hours", "cordum-rate"));
        int rollouts = options.integer("rollouts", 200, 1, 5000);
        int threads = options.integer("threads", 4, 1, 64);
        int maxSeconds = options.integer("max-seconds", 1800, 10, 7200);
        int maxVirtualHours = options.integer("max-virtual-hours", 48, 1, 500);
        double cordumRate = options.decimal("cordum-rate", 1000, 1, 100_000);
        LoadStores.Kind kind = LoadStores.parse(options.text("store", "dynamodb"));
        StandInConfig example = StandInConfig.example();
        // The example's 30/s bucket is a Cordum fault scenario of its own; here Cordum is not what is measured.
        StandInConfig cordumConfig = new StandInConfig(example.apiKeys(), example.policyLoaded(), example.topics(),
                example.bundles(), example.workflows(), example.runs(), example.approvals(),
                new StandInConfig.RateLimit(cordumRate, (int) Math.max(60, cordumRate)), example.faults());
        try (LoadStores backend = LoadStores.open(kind, threads * 2);
             CordumStandIn cordum = CordumStandIn.startOnLoopback(cordumConfig)) {
            RolloutLoad load = new RolloutLoad(backend.stores(), preflight(cordum.baseUri()), threads);
            System.out.printf("rollout load: %d rollouts, %d threads, %s, Cordum stand-in at %s (%.0f req/s)%n",
                    rollouts, threads, backend.describe(), cordum.baseUri(), cordumRate);
            boolean ok;
            try {
                ok = load.run(rollouts, Duration.ofSeconds(maxSeconds), Duration.ofHours(maxVirtualHours));
            } finally {
                load.pool.shutdownNow();
            }
            System.exit(ok ? 0 : 1);
        }
    }

    static PreflightCheck preflight(URI cordumUri) {
        HttpCordumClient client = new HttpCordumClient(CordumClientConfig.defaults(cordumUri)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(10))
                .withRetries(3, Duration.ofMillis(20), Duration.ofMillis(200)), () -> ApiKey.of("standin-admin-key"));
        return new GatePreflightCheck(new PreflightGate(client, client, event -> { }, Clock.systemUTC()));
    }

    boolean run(int count, Duration realLimit, Duration virtualLimit) throws Exception {
        long begin = System.nanoTime();
        Instant virtualBegin = rollgate.now();
        List<String> ids = startAll(count);
        double startSeconds = (System.nanoTime() - begin) / 1e9;
        int open = (int) ids.stream().filter(id -> !isTerminal(id)).count();
        System.out.printf("started %d rollouts in %.1f s; %d running at once after the start%n", ids.size(),
                startSeconds, open);
        long deadline = begin + realLimit.toNanos();
        long minutes = 0;
        while (!ids.stream().allMatch(this::isTerminal)) {
            if (System.nanoTime() > deadline || Duration.between(virtualBegin, rollgate.now()).compareTo(virtualLimit) > 0) {
                System.out.printf("STOPPED at the limit: %s real, %s virtual%n", realLimit, virtualLimit);
                break;
            }
            if (followedBy.isEmpty()) {
                // Nobody is sending traffic (the rest wait for an approval nobody answers): jump to the next timer.
                var next = rollgate.runner().nextWakeUp();
                if (next.isEmpty()) {
                    System.out.println("STOPPED: open rollouts but no timer left");
                    break;
                }
                rollgate.runner().advanceTo(next.get().isAfter(rollgate.now()) ? next.get() : rollgate.now());
            } else {
                oneMinute();
            }
            answerApprovals();
            if (++minutes % 5 == 0) {
                unfollowFinished();
            }
            if (minutes % 60 == 0) {
                System.out.printf("  virtual %s, %.0f s real, %d of %d terminal%n",
                        Duration.between(virtualBegin, rollgate.now()), (System.nanoTime() - begin) / 1e9,
                        ids.stream().filter(this::isTerminal).count(), ids.size());
            }
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        Duration virtual = Duration.between(virtualBegin, rollgate.now());
        return report(ids, seconds, virtual);
    }

    private List<String> startAll(int count) throws Exception {
        LoadScenario[] mix = LoadScenario.values();
        List<Future<String>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LoadScenario scenario = mix[i % mix.length];
            int n = i;
            futures.add(pool.submit(() -> start(n, scenario)));
        }
        List<String> ids = new ArrayList<>();
        for (Future<String> f : futures) {
            ids.add(f.get());
        }
        return ids;
    }

    private String start(int n, LoadScenario scenario) {
        String key = "load-" + n + "-" + scenario.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        StartRolloutOutcome outcome = rollgate.starts().start(new StartRolloutRequest(TENANT, "agent-" + n, "v2", "v1",
                REQUESTER, null, POLICY, key), rollgate.now());
        if (!(outcome instanceof StartRolloutOutcome.Started started)) {
            throw new IllegalStateException("rollout " + n + " did not start: " + outcome);
        }
        scenarios.put(started.rolloutId(), scenario);
        ScenarioTraffic shard = shards.get(n % shards.size());
        shard.follow(started.rolloutId(), TENANT, scenario.behaviour(), key.hashCode());
        followedBy.put(started.rolloutId(), shard);
        return started.rolloutId();
    }

    /** As {@link ScenarioTraffic#run}: the clock moves one minute, then that minute's windows arrive, per shard. */
    private void oneMinute() throws Exception {
        Instant minuteStart = rollgate.now();
        rollgate.runner().advanceBy(MINUTE);
        List<Future<?>> feeds = new ArrayList<>();
        for (ScenarioTraffic shard : shards) {
            feeds.add(pool.submit(() -> shard.feedMinute(minuteStart)));
        }
        for (Future<?> f : feeds) {
            f.get();
        }
    }

    private void answerApprovals() {
        PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<ApprovalRequest> pending = stores.approvals().pending(TENANT, page);
            for (ApprovalRequest request : pending.items()) {
                if (handledApprovals.add(request.id())) {
                    answer(request);
                }
            }
            if (!pending.hasNext()) {
                return;
            }
            page = page.next(pending);
        }
    }

    private void answer(ApprovalRequest request) {
        LoadScenario scenario = scenarios.get(request.rolloutId());
        String result;
        if (scenario == null || scenario.approval() == LoadScenario.Approval.IGNORE) {
            // Nobody answers: the workflow's own timeout must resolve it; its traffic stops meanwhile.
            ScenarioTraffic shard = followedBy.remove(request.rolloutId());
            if (shard != null) {
                shard.unfollow(request.rolloutId());
            }
            result = "IGNORED";
        } else {
            boolean approve = scenario.approval() == LoadScenario.Approval.APPROVE;
            ApprovalDecisionOutcome outcome = rollgate.approvals().decide(request.id(), approve, APPROVER,
                    Set.of(TENANT), approve ? "load run: accepted" : "load run: refused", rollgate.now());
            result = outcome.getClass().getSimpleName() + (approve ? "_APPROVE" : "_REJECT");
        }
        approvalOutcomes.merge(result, 1L, Long::sum);
    }

    private void unfollowFinished() {
        followedBy.forEach((id, shard) -> {
            if (isTerminal(id)) {
                shard.unfollow(id);
                followedBy.remove(id);
            }
        });
    }

    private boolean isTerminal(String id) {
        if (seenTerminal.contains(id)) {
            return true;
        }
        boolean terminal = stores.rollouts().get(id).map(r -> r.state().status().isTerminal()).orElse(false);
        if (terminal) {
            seenTerminal.add(id);
        }
        return terminal;
    }

    private boolean report(List<String> ids, double seconds, Duration virtual) {
        RolloutVerifier verifier = new RolloutVerifier(stores, ledger);
        Map<LoadScenario, int[]> byScenario = new EnumMap<>(LoadScenario.class);
        Map<String, Long> executions = new TreeMap<>();
        List<RolloutVerifier.Result> failures = new ArrayList<>();
        long events = 0;
        long passedWithoutApproval = 0;
        for (String id : ids) {
            Rollout rollout = stores.rollouts().get(id).orElse(null);
            int weight = rollout == null ? -1 : rollgate.candidateWeight(rollout);
            RolloutVerifier.Result result = verifier.verify(id, scenarios.get(id), weight);
            events += result.events();
            passedWithoutApproval += result.passedWithoutApproval() ? 1 : 0;
            int[] counts = byScenario.computeIfAbsent(result.scenario(), s -> new int[2]);
            counts[0]++;
            if (result.ok()) {
                counts[1]++;
            } else {
                failures.add(result);
            }
            ExecutionStatus status = rollgate.runner().execution(id).map(e -> e.status()).orElse(null);
            executions.merge(String.valueOf(status), 1L, Long::sum);
        }
        System.out.println();
        System.out.printf("%-20s %6s %6s  %-12s %s%n", "scenario", "runs", "ok", "expected", "final weight");
        byScenario.forEach((s, c) -> System.out.printf("%-20s %6d %6d  %-12s %d%n", s.name().toLowerCase(
                java.util.Locale.ROOT), c[0], c[1], s.expectedStatus(), s.expectedWeight()));
        failures.stream().limit(20).forEach(f -> System.out.printf("FAIL %s (%s): %s%n  last judgement: %s%n",
                f.rolloutId(), f.scenario(), f.problems(), lastJudgement(verifier, f.rolloutId())));
        long passed = ids.size() - failures.size();
        System.out.println();
        System.out.printf("rollouts: %d started, %d match their scenario, %d do not%n", ids.size(), passed,
                failures.size());
        System.out.printf("history: %d events checked against the writes (sequence 1..N, none lost or repeated);"
                + " %d writes failed with an exception, %d updates retried on a stale version%n", events,
                ledger.failedWrites(), ledger.staleUpdates());
        System.out.printf("approvals: %s; executions: %s; marginal candidates the judge passed without asking: %d%n",
                approvalOutcomes, executions, passedWithoutApproval);
        System.out.printf("windows ingested: %d stored, %d duplicates%n", windowsStored.get(), windowsDuplicate.get());
        System.out.printf("elapsed: %.1f s real for %s virtual (%.0fx); %.2f rollouts/s; %.0f windows/s%n", seconds,
                virtual, virtual.toMillis() / 1000.0 / seconds, ids.size() / seconds, windowsStored.get() / seconds);
        System.out.println(failures.isEmpty() && passed == ids.size() ? "RESULT: PASS" : "RESULT: FAIL");
        return failures.isEmpty();
    }

    private static String lastJudgement(RolloutVerifier verifier, String rolloutId) {
        return verifier.history(rolloutId).stream().filter(e -> e.type().equals("GATE_EVALUATED"))
                .filter(e -> !e.reasonCode().equals("CONTINUE") && !"shadow".equals(e.detail().get("stage"))).findFirst()
                .map(e -> e.reasonCode() + " " + new TreeMap<>(e.detail())).orElse("none");
    }

    private MetricWindowStore counting(MetricWindowStore delegate) {
        return new MetricWindowStore() {
            @Override
            public WindowPutOutcome put(String rolloutId, MetricWindow window, Instant now) {
                WindowPutOutcome outcome = delegate.put(rolloutId, window, now);
                (outcome == WindowPutOutcome.STORED ? windowsStored : windowsDuplicate).incrementAndGet();
                return outcome;
            }

            @Override
            public Page<MetricWindow> read(String rolloutId, Variant variant, Instant from, Instant until,
                                           PageRequest page) {
                return delegate.read(rolloutId, variant, from, until, page);
            }

            @Override
            public void countRejected(String scope, String reason) {
                delegate.countRejected(scope, reason);
            }

            @Override
            public Map<String, Long> rejectedCounts(String scope) {
                return delegate.rejectedCounts(scope);
            }
        };
    }
}
