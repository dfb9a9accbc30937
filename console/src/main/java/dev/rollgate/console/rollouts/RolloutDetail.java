package dev.rollgate.console.rollouts;

import dev.rollgate.core.state.ApprovalRequest;
import dev.rollgate.core.state.HistoryEvent;
import dev.rollgate.core.state.Rollout;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Everything the rollout detail page shows, read at one moment. */
public record RolloutDetail(Rollout rollout, String currentStage, Duration timeInStage, List<StageStep> stages,
                            List<TrafficPoint> traffic, List<Verdict> verdicts, List<MetricSeries> comparisons,
                            List<HistoryEvent> history, Optional<ApprovalRequest> pendingApproval) {
}
