package dev.rollgate.load;

import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.metrics.WindowRouting;
import dev.rollgate.core.metrics.WindowWriter;
import dev.rollgate.core.simulation.Scenario;
import dev.rollgate.core.simulation.ScenarioGenerator;
import dev.rollgate.core.simulation.ScenarioSpec;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The deliveries of one ingest load run, built before the clock starts: every distinct window of every rollout
 * once, delivered out of order (shuffled within blocks, and some held back to arrive after all others); repeats of
 * some with the same content (a retried delivery), repeats of some with other numbers (a conflicting duplicate);
 * and invalid ones (negative counts, from the future, for a rollout that does not exist).
 */
final class IngestPlan {
    /** What a delivery is meant to test; the verifier decides by outcome, not by this label alone. */
    enum Kind { ORIGINAL, SAME_AGAIN, CHANGED_AGAIN, MALFORMED, FUTURE, UNKNOWN_ROLLOUT }

    /** One delivery: the JSON sent, and the window it encodes (absent for the malformed ones). */
    record Delivery(Kind kind, String rolloutId, Optional<MetricWindow> window, String json) {
    }

    /** Shares of the deliveries. */
    record Mix(double sameAgain, double changedAgain, double invalid, double late, int shuffleBlock) {
        static Mix standard() {
            return new Mix(0.05, 0.02, 0.02, 0.02, 32);
        }
    }

    private static final WindowWriter WRITER = new WindowWriter();
    private final List<Delivery> deliveries;
    private final Instant now;

    private IngestPlan(List<Delivery> deliveries, Instant now) {
        this.deliveries = List.copyOf(deliveries);
        this.now = now;
    }

    /**
     * @param rolloutIds existing rollouts the windows are routed to (by rollout id)
     * @param total      how many deliveries in all (at least two windows per rollout are distinct)
     */
    static IngestPlan build(List<String> rolloutIds, int total, Mix mix, long seed, Instant start) {
        SplittableRandom random = new SplittableRandom(seed);
        int repeats = (int) Math.round(total * (mix.sameAgain() + mix.changedAgain()));
        int invalid = (int) Math.round(total * mix.invalid());
        int distinct = Math.max(2 * rolloutIds.size(), total - repeats - invalid);
        int minutes = (distinct + 2 * rolloutIds.size() - 1) / (2 * rolloutIds.size());
        Instant now = start.plus(Duration.ofMinutes(minutes + 1));

        List<Delivery> originals = new ArrayList<>();
        List<List<MetricWindow>> series = new ArrayList<>();
        for (int r = 0; r < rolloutIds.size(); r++) {
            series.add(ScenarioGenerator.generate(ScenarioSpec.of(Scenario.HEALTHY, seed + r, start)
                    .withMinutes(minutes)));
        }
        // Time order across rollouts (minute by minute), as agents would send them, before the disorder below.
        for (int i = 0; i < 2 * minutes && originals.size() < distinct; i++) {
            for (int r = 0; r < rolloutIds.size() && originals.size() < distinct; r++) {
                MetricWindow w = routed(series.get(r).get(i), rolloutIds.get(r));
                originals.add(new Delivery(Kind.ORIGINAL, rolloutIds.get(r), Optional.of(w), WRITER.toJson(w)));
            }
        }
        shuffleInBlocks(originals, mix.shuffleBlock(), random);
        List<Delivery> late = new ArrayList<>();
        for (int i = originals.size() - 1; i >= 0; i--) {
            if (random.nextDouble() < mix.late()) {
                late.add(originals.remove(i));
            }
        }
        List<Delivery> all = new ArrayList<>(originals);
        all.addAll(late);

        int sameAgain = (int) Math.round(total * mix.sameAgain());
        for (int i = 0; i < repeats; i++) {
            Delivery source = pickOriginal(all, random);
            MetricWindow w = source.window().orElseThrow();
            Delivery repeat = i < sameAgain ? new Delivery(Kind.SAME_AGAIN, source.rolloutId(), Optional.of(w),
                    source.json()) : changed(source, w);
            // After its original where possible: a repeat is a later delivery, though workers may still race it.
            int originalAt = all.indexOf(source);
            all.add(originalAt + 1 + random.nextInt(all.size() - originalAt), repeat);
        }
        for (int i = 0; i < invalid; i++) {
            all.add(random.nextInt(all.size() + 1), invalidDelivery(i, rolloutIds, now, random));
        }
        return new IngestPlan(all, now);
    }

    List<Delivery> deliveries() {
        return deliveries;
    }

    /** The ingest clock of the run: one minute after the newest window. */
    Instant now() {
        return now;
    }

    private static Delivery pickOriginal(List<Delivery> all, SplittableRandom random) {
        while (true) {
            Delivery d = all.get(random.nextInt(all.size()));
            if (d.kind() == Kind.ORIGINAL) {
                return d;
            }
        }
    }

    private static Delivery changed(Delivery source, MetricWindow w) {
        MetricWindow other = new MetricWindow(w.variant(), w.windowStart(), w.windowSeconds(), w.requests() + 1,
                w.errors(), w.latencyMs(), w.policyEvaluations(), w.policyDenies(), w.safetyDenies(),
                w.parseFailures(), w.schemaViolations(), w.approvalBacklog(), w.reasonCodes(),
                w.criticalIncidents(), w.custom(), w.routing());
        return new Delivery(Kind.CHANGED_AGAIN, source.rolloutId(), Optional.of(other), WRITER.toJson(other));
    }

    private static Delivery invalidDelivery(int i, List<String> rolloutIds, Instant now, SplittableRandom random) {
        String rolloutId = rolloutIds.get(random.nextInt(rolloutIds.size()));
        MetricWindow base = routed(ScenarioGenerator.generate(ScenarioSpec.of(Scenario.HEALTHY, i, now)
                .withMinutes(1)).get(0), rolloutId);
        return switch (i % 3) {
            case 0 -> new Delivery(Kind.MALFORMED, rolloutId, Optional.empty(),
                    WRITER.toJson(base).replaceFirst("\"requests\":\\d+", "\"requests\":-5"));
            case 1 -> {
                MetricWindow future = at(base, now.plus(Duration.ofHours(1)));
                yield new Delivery(Kind.FUTURE, rolloutId, Optional.of(future), WRITER.toJson(future));
            }
            default -> {
                MetricWindow stray = routed(base, "r-no-such-rollout");
                yield new Delivery(Kind.UNKNOWN_ROLLOUT, "r-no-such-rollout", Optional.of(stray),
                        WRITER.toJson(stray));
            }
        };
    }

    private static void shuffleInBlocks(List<Delivery> list, int block, SplittableRandom random) {
        for (int from = 0; from < list.size(); from += block) {
            List<Delivery> part = list.subList(from, Math.min(list.size(), from + block));
            for (int i = part.size() - 1; i > 0; i--) {
                Collections.swap(part, i, random.nextInt(i + 1));
            }
        }
    }

    private static MetricWindow routed(MetricWindow w, String rolloutId) {
        return new MetricWindow(w.variant(), w.windowStart(), w.windowSeconds(), w.requests(), w.errors(),
                w.latencyMs(), w.policyEvaluations(), w.policyDenies(), w.safetyDenies(), w.parseFailures(),
                w.schemaViolations(), w.approvalBacklog(), w.reasonCodes(), w.criticalIncidents(), w.custom(),
                new WindowRouting(Optional.empty(), Optional.empty(), Optional.of(rolloutId)));
    }

    private static MetricWindow at(MetricWindow w, Instant start) {
        return new MetricWindow(w.variant(), start, w.windowSeconds(), w.requests(), w.errors(), w.latencyMs(),
                w.policyEvaluations(), w.policyDenies(), w.safetyDenies(), w.parseFailures(), w.schemaViolations(),
                w.approvalBacklog(), w.reasonCodes(), w.criticalIncidents(), w.custom(), w.routing());
    }
}
