package dev.rollgate.core.lifecycle;

import dev.rollgate.core.lifecycle.Observation.JudgeVerdict;
import dev.rollgate.core.policy.PolicyFormat;

/** Event detail for a verdict, so a reader of the history sees the score and the judge's reasons. */
final class VerdictText {
    private VerdictText() {
    }

    static String of(JudgeVerdict verdict) {
        String text = verdict.outcome() + " at score " + PolicyFormat.number(verdict.score()) + " for stage "
                + verdict.stageIndex();
        return verdict.reasonCodes().isEmpty() ? text : text + " " + verdict.reasonCodes();
    }
}
