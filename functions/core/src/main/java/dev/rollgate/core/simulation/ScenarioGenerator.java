package dev.rollgate.core.simulation;

import dev.rollgate.core.metrics.CustomMetricValue;
import dev.rollgate.core.metrics.LatencyQuantiles;
import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.metrics.Variant;
import dev.rollgate.core.metrics.WindowRouting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Seeded synthetic baseline and candidate traffic as one-minute metric windows.
 *
 * <p>Model per variant and minute: requests are Poisson around the configured rate; the error rate (0.5 %),
 * policy-deny rate (1 % of the ~97 % of requests that are policy-evaluated) and latency level move with
 * log-normal noise made of a component shared by both variants (load, upstreams) and an independent one, each an
 * AR(1) process with the spec's phi. Latency per request is log-normal (median 120 ms, log-sd 0.6); a window's
 * quantiles carry their sampling error for the window's request count, and 3 % of windows get a heavy-tailed
 * (Pareto 1.5) spike on p90/p99. Isolated overload reason codes appear in 2 % of windows. Scenarios change the
 * candidate only, except EVAL_SCORE_NEAR_FLOOR, which lowers both variants' eval score.
 */
public final class ScenarioGenerator {
    static final double BASE_ERROR_RATE = 0.005;
    static final double BASE_DENY_RATE = 0.01;
    static final double EVALUATED_SHARE = 0.97;
    static final double LATENCY_MEDIAN_MS = 120;
    static final double LATENCY_LOG_SD = 0.6;
    private static final double Z90 = 1.2815516;
    private static final double Z99 = 2.3263479;

    private ScenarioGenerator() {
    }

    /** The windows only. */
    public static List<MetricWindow> generate(ScenarioSpec spec) {
        return simulate(spec).windows();
    }

    /** The windows and when the candidate's regression began. */
    public static SimulatedTraffic simulate(ScenarioSpec spec) {
        SplittableRandom root = new SplittableRandom(spec.seed());
        Noise shared = new Noise(root.split(), spec.phi());
        VariantState baseline = new VariantState(root.split(), spec.phi());
        VariantState candidate = new VariantState(root.split(), spec.phi());
        Bursts bursts = spec.scenario() == Scenario.OVERLOAD_BURSTS
                ? Bursts.draw(root.split(), spec.minutes()) : Bursts.NONE;
        List<MetricWindow> windows = new ArrayList<>(2 * spec.minutes());
        for (int minute = 0; minute < spec.minutes(); minute++) {
            Instant start = spec.start().plusSeconds(60L * minute);
            double[] common = shared.next();
            windows.add(baseline.window(Variant.BASELINE, start, spec.baselineRequestsPerMinute(), common,
                    baselineEffect(spec.scenario()), spec.agentQuality()));
            windows.add(candidate.window(spec.candidate(), start, spec.canaryRequestsPerMinute(), common,
                    effect(spec.scenario(), minute, bursts), spec.agentQuality()));
        }
        Optional<Instant> onset = switch (spec.scenario().truth()) {
            case HEALTHY -> Optional.empty();
            case REGRESSION, MARGINAL -> Optional.of(spec.start().plusSeconds(60L * bursts.firstStart()));
        };
        return new SimulatedTraffic(windows, onset);
    }

    /** Both variants' eval score 0.05 lower: a healthy rollout of an agent whose scores sit near a floor. */
    private static final Effect NEAR_FLOOR = new Effect(1, 1, 1, 1, 1, false, -0.05, 1);

    /** The baseline is unchanged except where a scenario moves the level of both variants. */
    private static Effect baselineEffect(Scenario scenario) {
        return scenario == Scenario.EVAL_SCORE_NEAR_FLOOR ? NEAR_FLOOR : Effect.NONE;
    }

    private static Effect effect(Scenario scenario, int minute, Bursts bursts) {
        return switch (scenario) {
            case HEALTHY, LOW_TRAFFIC -> Effect.NONE;
            case ERROR_RATE_DOUBLED -> new Effect(2.0, 1, 1, 1, 1, false, 0, 1);
            case LATENCY_PLUS_20 -> new Effect(1, 1.2, 1, 1, 1, false, 0, 1);
            case LATENCY_PLUS_50 -> new Effect(1, 1.5, 1, 1, 1, false, 0, 1);
            case DENY_DRIFT -> new Effect(1, 1, 1, 1, 1 + 2 * Math.min(1.0, minute / 120.0), false, 0, 1);
            case MARGINAL -> new Effect(1, 1, 1.07, 1.15, 1, false, 0, 1);
            case OVERLOAD_BURSTS -> bursts.active(minute) ? new Effect(1.5, 1.3, 1, 1, 1, true, 0, 1) : Effect.NONE;
            case EVAL_SCORE_DROP -> new Effect(1, 1, 1, 1, 1, false, -0.05, 1);
            case EVAL_SCORE_NEAR_FLOOR -> NEAR_FLOOR;
            case EVAL_SCORE_BELOW_FLOOR -> new Effect(1, 1, 1, 1, 1, false, -0.10, 1);
            case TOOL_CALL_REJECTIONS_RISE -> new Effect(1, 1, 1, 1, 1, false, 0, 4);
        };
    }

    /** Changes to the candidate in one minute: multipliers, and an additive shift of the eval-score mean. */
    private record Effect(double errors, double latency, double p90, double p99, double denies, boolean overloaded,
                          double evalShift, double rejections) {
        static final Effect NONE = new Effect(1, 1, 1, 1, 1, false, 0, 1);
    }

    /** Overload bursts of the candidate: start minutes and lengths. */
    private record Bursts(int[] starts, int[] lengths) {
        static final Bursts NONE = new Bursts(new int[0], new int[0]);

        static Bursts draw(SplittableRandom random, int minutes) {
            int count = 1 + random.nextInt(2);
            int[] starts = new int[count];
            int[] lengths = new int[count];
            int earliest = Math.min(15, Math.max(0, minutes - 1));
            for (int i = 0; i < count; i++) {
                int latest = Math.max(earliest + 1, Math.min(120, minutes));
                starts[i] = earliest + random.nextInt(latest - earliest);
                lengths[i] = 6 + random.nextInt(15);
                earliest = Math.min(starts[i] + lengths[i] + 10, Math.max(0, minutes - 1));
            }
            return new Bursts(starts, lengths);
        }

        boolean active(int minute) {
            for (int i = 0; i < starts.length; i++) {
                if (minute >= starts[i] && minute < starts[i] + lengths[i]) {
                    return true;
                }
            }
            return false;
        }

        int firstStart() {
            return starts.length == 0 ? 0 : starts[0];
        }
    }

    /** Shared per-minute noise for errors, latency and denies. */
    private static final class Noise {
        private final ArNoise errors;
        private final ArNoise latency;
        private final ArNoise denies;
        private final ArNoise quality;

        Noise(SplittableRandom random, double phi) {
            errors = new ArNoise(random.split(), phi);
            latency = new ArNoise(random.split(), phi);
            denies = new ArNoise(random.split(), phi);
            quality = new ArNoise(random.split(), phi);
        }

        double[] next() {
            return new double[] {errors.next(), latency.next(), denies.next(), quality.next()};
        }
    }

    /** One variant's own noise and sampling. */
    private static final class VariantState {
        private static final double SHARED_ERROR_SD = 0.30;
        private static final double OWN_ERROR_SD = 0.10;
        private static final double SHARED_LATENCY_SD = 0.08;
        private static final double OWN_LATENCY_SD = 0.03;
        private static final double SHARED_DENY_SD = 0.20;
        private static final double OWN_DENY_SD = 0.10;
        private static final double SPIKE_PROBABILITY = 0.03;
        private static final double BLIP_PROBABILITY = 0.02;
        private static final double GRADED_SHARE = 0.08;
        private static final double EVAL_MEAN = 0.82;
        private static final double EVAL_SD = 0.15;
        private static final double QUALITY_SD = 0.01;
        private static final double TOOL_CALLS_PER_REQUEST = 0.7;
        private static final double BASE_REJECTION_RATE = 0.005;

        private final SplittableRandom random;
        private final Noise own;

        VariantState(SplittableRandom random, double phi) {
            this.random = random;
            this.own = new Noise(random.split(), phi);
        }

        MetricWindow window(Variant variant, Instant start, int ratePerMinute, double[] shared, Effect effect,
                            boolean agentQuality) {
            double[] mine = own.next();
            long requests = Sampling.poisson(random, ratePerMinute);
            double errorRate = BASE_ERROR_RATE * effect.errors()
                    * lognormal(SHARED_ERROR_SD * shared[0] + OWN_ERROR_SD * mine[0],
                    SHARED_ERROR_SD * SHARED_ERROR_SD + OWN_ERROR_SD * OWN_ERROR_SD);
            long errors = Math.min(requests, Sampling.poisson(random, requests * errorRate));
            long evaluations = requests - Math.min(requests, Sampling.poisson(random, requests * (1 - EVALUATED_SHARE)));
            double denyRate = BASE_DENY_RATE * effect.denies()
                    * lognormal(SHARED_DENY_SD * shared[2] + OWN_DENY_SD * mine[2],
                    SHARED_DENY_SD * SHARED_DENY_SD + OWN_DENY_SD * OWN_DENY_SD);
            long denies = Math.min(evaluations, Sampling.poisson(random, evaluations * denyRate));
            Optional<LatencyQuantiles> latency = requests == 0 ? Optional.empty()
                    : Optional.of(latency(requests, effect,
                    SHARED_LATENCY_SD * shared[1] + OWN_LATENCY_SD * mine[1]));
            Map<String, Long> codes = new LinkedHashMap<>();
            long overloaded = effect.overloaded() ? 5 + Sampling.poisson(random, 20)
                    : random.nextDouble() < BLIP_PROBABILITY ? 1 + random.nextInt(3) : 0;
            codes.put("pool_overloaded", overloaded);
            codes.put("no_workers", 0L);
            return new MetricWindow(variant, start, 60, requests, errors, latency, evaluations, denies,
                    Math.min(requests, Sampling.poisson(random, requests * 0.001)),
                    Math.min(requests, Sampling.poisson(random, requests * 0.0005)),
                    Math.min(requests, Sampling.poisson(random, requests * 0.0002)),
                    Sampling.poisson(random, 2), codes, 0,
                    agentQuality ? quality(requests, effect, shared[3], mine[3]) : Map.of(), WindowRouting.NONE);
        }

        /**
         * The agent-quality families: about 8 % of requests graded (scores with sd 0.15 around a mean of 0.82 that
         * moves with shared and own AR noise of sd 0.01 each) and ~0.7 tool calls per request, 0.5 % rejected.
         */
        private Map<String, CustomMetricValue> quality(long requests, Effect effect, double shared, double own) {
            Map<String, CustomMetricValue> families = new LinkedHashMap<>();
            long graded = Sampling.poisson(random, requests * GRADED_SHARE);
            if (graded > 0) {
                double mean = Math.max(0, Math.min(1, EVAL_MEAN + effect.evalShift() + QUALITY_SD * (shared + own)
                        + EVAL_SD * random.nextGaussian() / Math.sqrt(graded)));
                families.put("eval_score", new CustomMetricValue.ScoreSummary(graded, round3(mean),
                        round3(Math.max(0, mean - 1.28 * EVAL_SD)), round3(mean),
                        round3(Math.min(1, mean + 1.28 * EVAL_SD))));
            }
            long calls = Sampling.poisson(random, requests * TOOL_CALLS_PER_REQUEST);
            long rejected = Math.min(calls, Sampling.poisson(random, calls * BASE_REJECTION_RATE * effect.rejections()
                    * lognormal(SHARED_ERROR_SD * shared + OWN_ERROR_SD * own,
                    SHARED_ERROR_SD * SHARED_ERROR_SD + OWN_ERROR_SD * OWN_ERROR_SD)));
            families.put("tool_call_rejections", new CustomMetricValue.CountPair(rejected, calls));
            return families;
        }

        private static double round3(double v) {
            return Math.round(v * 1000) / 1000.0;
        }

        /** Quantiles of n log-normal draws: true quantile times level noise times sampling error, plus spikes. */
        private LatencyQuantiles latency(long requests, Effect effect, double levelNoise) {
            double level = Math.log(LATENCY_MEDIAN_MS * effect.latency()) + levelNoise;
            double p50 = Math.exp(level + sampling(0.5, 0, requests));
            double p90 = Math.exp(level + LATENCY_LOG_SD * Z90 + sampling(0.9, Z90, requests)) * effect.p90();
            double p99 = Math.exp(level + LATENCY_LOG_SD * Z99 + sampling(0.99, Z99, requests)) * effect.p99();
            if (random.nextDouble() < SPIKE_PROBABILITY) {
                double spike = Sampling.pareto(random, 1.5);
                p90 *= Math.sqrt(spike);
                p99 *= spike;
            }
            p90 = Math.max(p90, p50);
            p99 = Math.max(p99, p90);
            return new LatencyQuantiles(round(p50), round(p90), round(p99));
        }

        /** Normal approximation of a sample quantile's error in log space. */
        private double sampling(double p, double z, long n) {
            double density = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
            double sd = LATENCY_LOG_SD * Math.sqrt(p * (1 - p)) / (density * Math.sqrt(n));
            return sd * random.nextGaussian();
        }

        private static double lognormal(double noise, double variance) {
            return Math.exp(noise - variance / 2);
        }

        private static double round(double ms) {
            return Math.round(ms * 10) / 10.0;
        }
    }
}
