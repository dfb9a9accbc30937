package dev.rollgate.cli.bench;

import dev.rollgate.core.judge.StageEvaluation;
import dev.rollgate.core.judge.StageEvaluator;
import dev.rollgate.core.judge.StageReplay;
import dev.rollgate.core.policy.PolicyParseResult;
import dev.rollgate.core.policy.PolicyParser;
import dev.rollgate.core.policy.RolloutPolicy;
import dev.rollgate.core.policy.Stage;
import dev.rollgate.core.simulation.SimulatedTraffic;
import dev.rollgate.core.simulation.ScenarioGenerator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Judge-quality benchmark: seeded synthetic scenarios with known truth, each replicate judged by rollgate (the
 * stage replay the workflow runs) and by a fixed-horizon Kayenta-style judge, side by side. Writes a Markdown
 * report. Run through {@code infra/bench-judge.sh}; not part of the test command.
 */
public final class JudgeBenchmark {
    private static final Instant START = Instant.parse("2026-11-27T10:00:00Z");

    private JudgeBenchmark() {
    }

    /** Process CPU time and system load, so a slow run on a shared machine can be told from a slow benchmark. */
    record Machine(double cpuSeconds, double loadAverage, int cores) {
        static Machine now() {
            java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean();
            double cpu = os instanceof com.sun.management.OperatingSystemMXBean sun
                    ? sun.getProcessCpuTime() / 1e9 : Double.NaN;
            return new Machine(cpu, os.getSystemLoadAverage(), os.getAvailableProcessors());
        }
    }

    record Settings(Path policyFile, String stage, int healthyReplicates, int otherReplicates, long seed,
                    int threads, Path out, String command) {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = parse(args);
        long started = System.nanoTime();
        Machine before = Machine.now();
        RolloutPolicy policy = loadPolicy(settings.policyFile());
        Stage stage = policy.stageNamed(settings.stage())
                .orElseThrow(() -> new IllegalArgumentException("no stage named " + settings.stage()));
        List<BenchScenario> rows = BenchScenario.all();
        List<RunOutcome> outcomes = run(settings, policy, stage, rows);
        double seconds = (System.nanoTime() - started) / 1e9;
        Machine after = Machine.now();
        String report = BenchReport.markdown(settings, policy, stage, rows, outcomes, seconds,
                (after.cpuSeconds() - before.cpuSeconds()), before, after);
        if (settings.out() != null) {
            Files.writeString(settings.out(), report, StandardCharsets.UTF_8);
        }
        System.out.print(report);
    }

    private static List<RunOutcome> run(Settings settings, RolloutPolicy policy, Stage stage,
                                        List<BenchScenario> rows) throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
        try {
            List<Future<RunOutcome>> futures = new ArrayList<>();
            for (int row = 0; row < rows.size(); row++) {
                BenchScenario scenario = rows.get(row);
                int replicates = scenario.healthyReplicates() ? settings.healthyReplicates()
                        : settings.otherReplicates();
                for (int i = 0; i < replicates; i++) {
                    long seed = settings.seed() + 1_000_003L * row + i;
                    int rowIndex = row;
                    futures.add(pool.submit(() -> replicate(rowIndex, scenario, seed, policy, stage)));
                }
            }
            List<RunOutcome> outcomes = new ArrayList<>(futures.size());
            for (Future<RunOutcome> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdown();
        }
    }

    /** StageReplay and KayentaStyleJudge are stateless, so one of each per call is cheap and thread-safe. */
    static RunOutcome replicate(int row, BenchScenario scenario, long seed, RolloutPolicy policy, Stage stage) {
        SimulatedTraffic traffic = ScenarioGenerator.simulate(scenario.spec(seed, START, stage.weight()));
        Instant onset = traffic.regressionStart().orElse(START);
        StageEvaluation rollgate = new StageReplay(new StageEvaluator())
                .replay(policy, stage, traffic.windows(), false).finalEvaluation();
        KayentaStyleJudge.Verdict kayenta = new KayentaStyleJudge(policy)
                .judge(traffic.windows(), START, stage.analysis().lifetime(), stage.analysis().interval());
        return new RunOutcome(row, rollgate.decision(), minutes(onset, rollgate.decidedAt()), kayenta.decision(),
                minutes(onset, kayenta.decidedAt()));
    }

    /** Minutes from the onset to the end of the deciding one-minute window. */
    private static double minutes(Instant onset, Instant decidedAt) {
        if (decidedAt == null) {
            return Double.NaN;
        }
        return Duration.between(onset, decidedAt.plusSeconds(60)).getSeconds() / 60.0;
    }

    private static RolloutPolicy loadPolicy(Path file) throws IOException {
        PolicyParseResult result = PolicyParser.parse(Files.readString(file, StandardCharsets.UTF_8),
                file.getFileName().toString());
        if (result instanceof PolicyParseResult.Invalid invalid) {
            throw new IllegalArgumentException("invalid benchmark policy " + file + ": " + invalid.errors());
        }
        return ((PolicyParseResult.Valid) result).policy();
    }

    private static Settings parse(String[] args) {
        Path policy = Path.of("infra/bench/judge-policy.yaml");
        String stage = "canary";
        int healthy = 1000;
        int other = 300;
        long seed = 20261127L;
        int threads = Runtime.getRuntime().availableProcessors();
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--policy" -> policy = Path.of(require(args[i], value));
                case "--stage" -> stage = require(args[i], value);
                case "--healthy-replicates" -> healthy = Integer.parseInt(require(args[i], value));
                case "--replicates" -> other = Integer.parseInt(require(args[i], value));
                case "--seed" -> seed = Long.parseLong(require(args[i], value));
                case "--threads" -> threads = Integer.parseInt(require(args[i], value));
                case "--out" -> out = Path.of(require(args[i], value));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; known: --policy "
                        + "--stage --healthy-replicates --replicates --seed --threads --out");
            }
            i++;
        }
        String command = "infra/bench-judge.sh " + String.join(" ", args);
        return new Settings(policy, stage, healthy, other, seed, Math.max(1, threads), out, command.strip());
    }

    private static String require(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
