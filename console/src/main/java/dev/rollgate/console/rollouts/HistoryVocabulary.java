package dev.rollgate.console.rollouts;

import dev.rollgate.core.workflow.RequestApprovalStep;

/**
 * How the console reads history events written by the workflow. Only these names carry meaning for the charts
 * and verdict tables; every event, known or not, is still shown in the timeline as stored.
 *
 * <ul>
 *   <li>Any event whose detail has {@value #WEIGHT} (an integer percent) is a point of the traffic chart.</li>
 *   <li>{@value #GATE_EVALUATED} events are verdicts: {@value #SCORE}, {@value #SCORE_CLASS}, {@value #STAGE}, and
 *   per metric {@code metric.<name>.<field>} with the fields {@code canary}, {@code baseline}, {@code result},
 *   {@code pValue}, {@code threshold} and {@code explanation} (any other field is shown as extra text), and
 *   {@value #TRIGGER} with the fired trigger's explanation when one fired. Metrics the rollout's policy declares
 *   under {@code custom_metrics} are marked as custom.</li>
 *   <li>{@value #APPROVAL_REQUESTED} (written by the workflow's approval step) names the request in
 *   {@value #APPROVAL_ID}: the detail page reads that one request instead of all of the tenant's pending ones.</li>
 *   <li>{@value #OPERATOR_ABORT} / {@value #OPERATOR_RERUN} are written by the console itself, with the user's
 *   identity as actor and the reason in {@value #REASON}.</li>
 * </ul>
 */
public final class HistoryVocabulary {
    public static final String WEIGHT = "weight";
    public static final String GATE_EVALUATED = "GATE_EVALUATED";
    public static final String SCORE = "score";
    public static final String SCORE_CLASS = "scoreClass";
    public static final String TRIGGER = "trigger";
    public static final String STAGE = "stage";
    public static final String REASON = "reason";
    public static final String METRIC_PREFIX = "metric.";
    public static final String OPERATOR_ABORT = "OPERATOR_ABORT_REQUESTED";
    public static final String OPERATOR_RERUN = "OPERATOR_RERUN_REQUESTED";
    public static final String OPERATOR_REFUSED = "OPERATOR_ACTION_REFUSED";
    public static final String APPROVAL_REQUESTED = RequestApprovalStep.EVENT;
    public static final String APPROVAL_ID = "approvalId";
    public static final String APPROVAL_NOT_DELIVERED = dev.rollgate.core.workflow.DecideApproval.NOT_DELIVERED_EVENT;

    private HistoryVocabulary() {
    }
}
