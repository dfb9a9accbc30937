package dev.rollgate.load;

import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.metrics.RejectionReason;
import dev.rollgate.core.metrics.Variant;
import dev.rollgate.core.metrics.WindowWriter;
import dev.rollgate.core.state.MetricWindowStore;
import dev.rollgate.core.state.Page;
import dev.rollgate.core.state.PageRequest;
import dev.rollgate.core.workflow.IngestMetricWindow;
import dev.rollgate.core.workflow.IngestOutcome;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks an ingest run by reading the store back: for every window identity (rollout, variant, start) exactly one
 * delivery was STORED and the stored window is that delivery's; every other delivery of the identity with the same
 * content was a DUPLICATE and every one with other numbers was rejected as CONFLICTING_DUPLICATE; invalid deliveries
 * were rejected with their reason and nothing of them is stored; and the store's rejection counters equal the
 * rejections the use case returned, scope by scope and reason by reason.
 */
final class IngestVerifier {
    private static final WindowWriter WRITER = new WindowWriter();

    /** Summary and problems; {@code ok()} when there are none. */
    record Report(long stored, long duplicates, Map<String, Long> rejectedByReason, long identities,
                  long storedItems, List<String> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    private IngestVerifier() {
    }

    static Report verify(IngestPlan plan, IngestOutcome[] outcomes, MetricWindowStore store, Instant from) {
        List<String> problems = new ArrayList<>();
        List<IngestPlan.Delivery> deliveries = plan.deliveries();
        Map<String, List<Integer>> byIdentity = new HashMap<>();
        Map<String, Map<String, Long>> rejectedByScope = new TreeMap<>();
        Map<String, Long> rejectedByReason = new TreeMap<>();
        long stored = 0;
        long duplicates = 0;
        for (int i = 0; i < deliveries.size(); i++) {
            IngestPlan.Delivery d = deliveries.get(i);
            IngestOutcome outcome = outcomes[i];
            if (outcome == null) {
                problems.add("delivery " + i + " (" + d.kind() + ") has no outcome");
                continue;
            }
            if (outcome instanceof IngestOutcome.Stored) {
                stored++;
            } else if (outcome instanceof IngestOutcome.Duplicate) {
                duplicates++;
            } else {
                IngestOutcome.Rejected r = (IngestOutcome.Rejected) outcome;
                rejectedByScope.computeIfAbsent(r.scope(), s -> new TreeMap<>()).merge(r.reason(), 1L, Long::sum);
                rejectedByReason.merge(r.reason(), 1L, Long::sum);
            }
            switch (d.kind()) {
                case ORIGINAL, SAME_AGAIN, CHANGED_AGAIN -> byIdentity.computeIfAbsent(identity(d), k -> new ArrayList<>())
                        .add(i);
                case MALFORMED, FUTURE, UNKNOWN_ROLLOUT -> {
                    if (!(outcome instanceof IngestOutcome.Rejected)) {
                        problems.add("invalid delivery " + i + " (" + d.kind() + ") was " + outcome);
                    }
                }
            }
        }
        Map<String, String> storedJsonByIdentity = readBack(plan, store, from, problems);
        for (Map.Entry<String, List<Integer>> e : byIdentity.entrySet()) {
            List<Integer> winners = e.getValue().stream().filter(i -> outcomes[i] instanceof IngestOutcome.Stored)
                    .toList();
            if (winners.size() != 1) {
                problems.add(e.getKey() + ": " + winners.size() + " deliveries were STORED, expected exactly 1");
                continue;
            }
            String winnerJson = json(deliveries.get(winners.get(0)));
            if (!winnerJson.equals(storedJsonByIdentity.get(e.getKey()))) {
                problems.add(e.getKey() + ": the stored window is not the delivery that was STORED");
            }
            for (int i : e.getValue()) {
                if (i == winners.get(0)) {
                    continue;
                }
                boolean same = json(deliveries.get(i)).equals(winnerJson);
                IngestOutcome o = outcomes[i];
                boolean right = same ? o instanceof IngestOutcome.Duplicate
                        : o instanceof IngestOutcome.Rejected r
                        && r.reason().equals(RejectionReason.CONFLICTING_DUPLICATE.name());
                if (!right) {
                    problems.add(e.getKey() + ": delivery " + i + " (" + (same ? "same" : "other") + " content) was "
                            + o);
                }
            }
        }
        if (storedJsonByIdentity.size() != byIdentity.size()) {
            problems.add("the store holds " + storedJsonByIdentity.size() + " windows of these rollouts, "
                    + byIdentity.size() + " distinct windows were delivered");
        }
        rejectedByScope.forEach((scope, expected) -> {
            Map<String, Long> counted = store.rejectedCounts(scope);
            if (!counted.equals(expected)) {
                problems.add("rejections of " + scope + ": store counted " + new TreeMap<>(counted)
                        + ", ingest returned " + expected);
            }
        });
        return new Report(stored, duplicates, rejectedByReason, byIdentity.size(), storedJsonByIdentity.size(),
                problems.stream().limit(50).toList());
    }

    private static Map<String, String> readBack(IngestPlan plan, MetricWindowStore store, Instant from,
                                                List<String> problems) {
        Set<String> rollouts = new HashSet<>();
        plan.deliveries().stream().filter(d -> d.kind() == IngestPlan.Kind.ORIGINAL)
                .forEach(d -> rollouts.add(d.rolloutId()));
        Map<String, String> out = new HashMap<>();
        Instant until = plan.now().plusSeconds(7 * 24 * 3600);
        for (String rolloutId : rollouts) {
            for (Variant variant : Variant.values()) {
                PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
                while (true) {
                    Page<MetricWindow> got = store.read(rolloutId, variant, from, until, page);
                    for (MetricWindow w : got.items()) {
                        if (out.put(rolloutId + "#" + w.key(), WRITER.toJson(w)) != null) {
                            problems.add(rolloutId + "#" + w.key() + " is stored twice");
                        }
                    }
                    if (!got.hasNext()) {
                        break;
                    }
                    page = page.next(got);
                }
            }
        }
        return out;
    }

    private static String identity(IngestPlan.Delivery d) {
        return d.rolloutId() + "#" + d.window().orElseThrow().key();
    }

    private static String json(IngestPlan.Delivery d) {
        return WRITER.toJson(d.window().orElseThrow());
    }
}
