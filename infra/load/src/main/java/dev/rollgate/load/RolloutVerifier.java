package dev.rollgate.load;

import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.state.HistoryEntry;
import dev.rollgate.core.state.HistoryEvent;
import dev.rollgate.core.state.PageRequest;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.state.StateStores;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks one finished rollout of the load run against its scenario: terminal status, traffic weight on the alias
 * and in the stored state, the reason codes the scenario must produce, and the stored history against the
 * {@link HistoryLedger} (numbered 1..N without gaps or repeats, exactly the events the writes reported).
 */
final class RolloutVerifier {
    private final StateStores stores;
    private final HistoryLedger ledger;

    RolloutVerifier(StateStores stores, HistoryLedger ledger) {
        this.stores = stores;
        this.ledger = ledger;
    }

    /** The problems found, empty when the rollout is as its scenario demands. */
    record Result(String rolloutId, LoadScenario scenario, String status, int aliasWeight, int events,
                  boolean passedWithoutApproval, List<String> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    Result verify(String rolloutId, LoadScenario scenario, int aliasWeight) {
        List<String> problems = new ArrayList<>();
        Optional<Rollout> stored = stores.rollouts().get(rolloutId);
        if (stored.isEmpty()) {
            return new Result(rolloutId, scenario, "MISSING", aliasWeight, 0, false, List.of("rollout not stored"));
        }
        Rollout rollout = stored.get();
        List<HistoryEvent> history = history(rolloutId);
        boolean passedWithoutApproval = scenario.judgementCall()
                && history.stream().noneMatch(e -> e.reasonCode().startsWith("HOLD"));
        RolloutStatus expectedStatus = passedWithoutApproval ? RolloutStatus.PROMOTED : scenario.expectedStatus();
        int expectedWeight = passedWithoutApproval ? 100 : scenario.expectedWeight();
        List<String> expectedReasons = passedWithoutApproval ? LoadScenario.PASSED_WITHOUT_APPROVAL
                : scenario.expectedReasonPrefixes();
        if (!rollout.state().status().isTerminal()) {
            problems.add("not terminal: " + rollout.state().status());
        } else if (rollout.state().status() != expectedStatus) {
            problems.add("status " + rollout.state().status() + ", expected " + expectedStatus);
        }
        if (aliasWeight != expectedWeight) {
            problems.add("alias weight " + aliasWeight + ", expected " + expectedWeight);
        }
        if (rollout.state().trafficWeight() != expectedWeight) {
            problems.add("stored traffic weight " + rollout.state().trafficWeight() + ", expected " + expectedWeight);
        }
        problems.addAll(sequenceProblems(history));
        problems.addAll(ledgerProblems(history, ledger.expected(rolloutId)));
        problems.addAll(reasonProblems(history, expectedReasons));
        return new Result(rolloutId, scenario, rollout.state().status().name(), aliasWeight, history.size(),
                passedWithoutApproval, List.copyOf(problems));
    }

    static List<String> sequenceProblems(List<HistoryEvent> history) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).sequence() != i + 1) {
                problems.add("history sequence at position " + (i + 1) + " is " + history.get(i).sequence()
                        + " (gap or repeat)");
                break;
            }
        }
        return problems;
    }

    static List<String> ledgerProblems(List<HistoryEvent> history, List<HistoryEntry> expected) {
        List<String> problems = new ArrayList<>();
        if (history.size() != expected.size()) {
            problems.add("history has " + history.size() + " events, the writes reported " + expected.size());
        }
        for (int i = 0; i < Math.min(history.size(), expected.size()); i++) {
            HistoryEvent got = history.get(i);
            HistoryEntry want = expected.get(i);
            if (!got.at().equals(want.at()) || !got.type().equals(want.type()) || !got.actor().equals(want.actor())
                    || !got.reasonCode().equals(want.reasonCode()) || !got.detail().equals(want.detail())) {
                problems.add("history event " + got.sequence() + " is " + got.type() + "/" + got.reasonCode()
                        + " at " + got.at() + ", the writes reported " + want.type() + "/" + want.reasonCode()
                        + " at " + want.at());
                break;
            }
        }
        return problems;
    }

    static List<String> reasonProblems(List<HistoryEvent> history, List<String> prefixes) {
        int next = 0;
        for (HistoryEvent event : history) {
            if (next < prefixes.size() && event.reasonCode().startsWith(prefixes.get(next))) {
                next++;
            }
        }
        return next == prefixes.size() ? List.of() : List.of("history lacks reason " + prefixes.get(next)
                + " (in order " + prefixes + "); reasons: " + history.stream().map(HistoryEvent::reasonCode)
                .filter(c -> !c.isEmpty()).toList());
    }

    List<HistoryEvent> history(String rolloutId) {
        List<HistoryEvent> all = new ArrayList<>();
        PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            var got = stores.history().read(rolloutId, page);
            all.addAll(got.items());
            if (!got.hasNext()) {
                return all;
            }
            page = page.next(got);
        }
    }
}
