package dev.rollgate.cli.bench;

import dev.rollgate.core.judge.Decision;
import dev.rollgate.core.judge.StageEvaluator;
import dev.rollgate.core.policy.RolloutPolicy;
import dev.rollgate.core.policy.Stage;
import dev.rollgate.core.simulation.Scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders benchmark outcomes as Markdown: the side-by-side table and the targets with their measured figures. */
final class BenchReport {
    private static final String NOTES = """

            ## How to read it

            - rollgate runs the stage as the workflow would (`StageReplay`): rollback triggers after every window,
              the score at each hourly interval, promotion only after the 3-hour stage. The Kayenta-style judge only
              looks at the hourly cumulative intervals, with one 0.25 tolerance for every metric and no triggers.
            - The benchmark policy lets latency shift by 10 % (`allowed_effect: 0.10`) and rates by 25 %; the
              Kayenta-style judge uses 0.25 everywhere as specified, which is why it promotes a +20 % latency
              regression. Overload bursts leave errors and medians nearly untouched, so only a reason-code trigger
              sees them.
            - The rollout's alpha ({alpha}) is split equally over every sequential test of the policy's stages
              (see the last note), so each runs at {alpha}/{tests} = {alphaPerTest}.
            - A false rollback on a healthy canary, including on low traffic, is the price of any test with alpha
              above 0: the error-ratio test can fire on a chance cluster of errors with probability at most its alpha.
              Low traffic never has enough data points (windows of fewer than 100 requests do not count), so the
              judge holds instead of promoting.
            - The marginal row has no target: HOLD is the intended outcome there (a human decides).
            - The row with the baseline also at 600/min is not an issue target; it shows what the traffic split is
              worth. With equal groups a canary error is expected half of all errors under "no regression" (10 %
              in a 10 % stage), so each error carries less evidence and detection takes longer.
            - Agent quality: every row carries `eval_score` and `tool_call_rejections`; the eval score is a
              critical metric judged at each interval (so a drop is caught at the first hour), and its mean below
              the absolute floor of 0.75 is a sequential trigger (so a fall below it is caught within minutes);
              tool-call rejections above 1 % are a sequential trigger, and so is their rate against the baseline's
              (a ratio test against 1.25, the family's allowed effect, like the error ratio). The rollout's alpha is
              then shared by {tests} tests (error ratio, deny rate, rejections above 1 %, rejections ratio, eval floor
              in the canary stage; rejections above 1 % and eval floor in the full stage). The near-floor row keeps
              both variants' eval score at 0.77, 0.02 above the floor, with the same per-window noise as every row:
              it must not roll back.
            """;

    private BenchReport() {
    }

    /** The notes, with the alpha split computed the way the judge computes it for this policy and stage. */
    static String notes(RolloutPolicy policy, Stage stage) {
        double alpha = stage.triggers().alpha();
        int tests = StageEvaluator.sequentialTestsSharingAlpha(policy, stage);
        return NOTES.replace("{alpha}", fmt(alpha, 2)).replace("{tests}", Integer.toString(tests))
                .replace("{alphaPerTest}", fmt(alpha / tests, 4));
    }

    static String markdown(JudgeBenchmark.Settings settings, RolloutPolicy policy, Stage stage,
                           List<BenchScenario> rows, List<RunOutcome> outcomes, double seconds,
                           double cpuSeconds, JudgeBenchmark.Machine before, JudgeBenchmark.Machine after) {
        List<RowSummary> rollgate = new ArrayList<>();
        List<RowSummary> kayenta = new ArrayList<>();
        for (int row = 0; row < rows.size(); row++) {
            int r = row;
            List<RunOutcome> runs = outcomes.stream().filter(o -> o.row() == r).toList();
            rollgate.add(RowSummary.of(runs, RunOutcome::rollgate, RunOutcome::rollgateMinutes));
            kayenta.add(RowSummary.of(runs, RunOutcome::kayenta, RunOutcome::kayentaMinutes));
        }
        StringBuilder md = new StringBuilder();
        md.append("# Judge benchmark\n\n");
        md.append("Produced by `").append(settings.command()).append("` (seed ").append(settings.seed())
                .append(", ").append(settings.healthyReplicates()).append(" replicates per healthy scenario, ")
                .append(settings.otherReplicates()).append(" per other scenario, ").append(settings.threads())
                .append(" threads) on ").append(before.cores()).append(" cores: ").append(fmt(seconds, 0))
                .append(" s wall time, ").append(fmt(cpuSeconds, 0)).append(" s CPU time of the benchmark process ")
                .append("(system load average ").append(fmt(before.loadAverage(), 1)).append(" at the start, ")
                .append(fmt(after.loadAverage(), 1)).append(" at the end: the machine was shared).\n\n");
        md.append("Policy `").append(settings.policyFile()).append("`, stage `").append(stage.name())
                .append("`: ").append(stage.analysis().lifetime().toMinutes()).append(" min, scored every ")
                .append(stage.analysis().interval().toMinutes()).append(" min, triggers: ")
                .append(stage.triggers().describe()).append(". Traffic: one-minute windows; the canary gets 600 ")
                .append("requests/min (20 for low traffic) and the baseline the rest of a ").append(stage.weight())
                .append(" % stage (9x as much at 10 %) unless the row says otherwise; see `ScenarioGenerator` for ")
                .append("the noise model.\n\n");
        md.append("Decisions in % of runs. Detection = minutes from the regression's onset to the end of the ")
                .append("window that triggered ROLLBACK; a run that never rolled back counts as never detected, ")
                .append("so a p95 of `never` means fewer than 95 % were caught.\n\n");
        md.append("| scenario | truth | runs | rollgate rollback | promote | hold | continue | detection median / p95 "
                + "| Kayenta-style rollback | promote | hold | detection median / p95 |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int row = 0; row < rows.size(); row++) {
            BenchScenario s = rows.get(row);
            RowSummary g = rollgate.get(row);
            RowSummary k = kayenta.get(row);
            boolean healthy = s.scenario().truth() == Scenario.Truth.HEALTHY;
            md.append("| ").append(s.label()).append(" | ").append(s.scenario().truth().name().toLowerCase(Locale.ROOT))
                    .append(" | ").append(g.runs())
                    .append(" | ").append(pct(g.share(Decision.ROLLBACK))).append(" | ").append(pct(g.share(Decision.PROMOTE)))
                    .append(" | ").append(pct(g.share(Decision.HOLD))).append(" | ").append(pct(g.share(Decision.CONTINUE)))
                    .append(" | ").append(healthy ? "-" : times(g))
                    .append(" | ").append(pct(k.share(Decision.ROLLBACK))).append(" | ").append(pct(k.share(Decision.PROMOTE)))
                    .append(" | ").append(pct(k.share(Decision.HOLD)))
                    .append(" | ").append(healthy ? "-" : times(k)).append(" |\n");
        }
        md.append("\n").append(targets(rows, rollgate, kayenta)).append(notes(policy, stage));
        return md.toString();
    }

    private static String targets(List<BenchScenario> rows, List<RowSummary> rollgate, List<RowSummary> kayenta) {
        StringBuilder md = new StringBuilder("## Targets (rollgate)\n\n");
        double worstFalseRollback = 0;
        String worstRow = "";
        double falsePromotion = 0;
        int regressionRuns = 0;
        double kayentaFalsePromotion = 0;
        double kayentaWorstFalseRollback = 0;
        for (int row = 0; row < rows.size(); row++) {
            BenchScenario s = rows.get(row);
            RowSummary g = rollgate.get(row);
            RowSummary k = kayenta.get(row);
            if (s.scenario().truth() == Scenario.Truth.HEALTHY) {
                if (g.share(Decision.ROLLBACK) >= worstFalseRollback) {
                    worstFalseRollback = g.share(Decision.ROLLBACK);
                    worstRow = s.label();
                }
                kayentaWorstFalseRollback = Math.max(kayentaWorstFalseRollback, k.share(Decision.ROLLBACK));
            } else if (s.scenario().truth() == Scenario.Truth.REGRESSION) {
                falsePromotion += g.decisions().get(Decision.PROMOTE);
                kayentaFalsePromotion += k.decisions().get(Decision.PROMOTE);
                regressionRuns += g.runs();
            }
        }
        RowSummary errors = rollgate.get(indexOf(rows, Scenario.ERROR_RATE_DOUBLED));
        RowSummary errorsEqual = rollgate.get(rows.stream().filter(BenchScenario::equalTraffic).findFirst()
                .map(rows::indexOf).orElseThrow());
        RowSummary overload = rollgate.get(indexOf(rows, Scenario.OVERLOAD_BURSTS));
        RowSummary low = rollgate.get(indexOf(rows, Scenario.LOW_TRAFFIC));
        md.append("| target | measured | met |\n|---|---|---|\n");
        line(md, "false rollback <= 1 % on every healthy scenario", "worst " + pct(worstFalseRollback) + " % ("
                + worstRow + "); Kayenta-style worst " + pct(kayentaWorstFalseRollback) + " %", worstFalseRollback <= 1.0);
        line(md, "error doubling detected, median <= 15 min", "median " + minutes(errors.medianMinutes()) + " min",
                errors.medianMinutes() <= 15);
        line(md, "error doubling detected, p95 <= 30 min", "p95 " + minutes(errors.p95Minutes()) + " min",
                errors.p95Minutes() <= 30);
        line(md, "(same, baseline also 600/min) median <= 15 / p95 <= 30 min", "median "
                + minutes(errorsEqual.medianMinutes()) + " / p95 " + minutes(errorsEqual.p95Minutes()) + " min",
                errorsEqual.medianMinutes() <= 15 && errorsEqual.p95Minutes() <= 30);
        line(md, "overload bursts detected >= 95 %", pct(overload.share(Decision.ROLLBACK)) + " %",
                overload.share(Decision.ROLLBACK) >= 95);
        line(md, "no PROMOTE on any regression scenario", (long) falsePromotion + " of " + regressionRuns
                + " runs (Kayenta-style: " + (long) kayentaFalsePromotion + ")", falsePromotion == 0);
        RowSummary eval = rollgate.get(indexOf(rows, Scenario.EVAL_SCORE_DROP));
        RowSummary rejections = rollgate.get(indexOf(rows, Scenario.TOOL_CALL_REJECTIONS_RISE));
        line(md, "eval score -0.05 detected, never promoted", "rollback " + pct(eval.share(Decision.ROLLBACK))
                + " %, promote " + pct(eval.share(Decision.PROMOTE)) + " %, median / p95 " + times(eval) + " min",
                eval.decisions().get(Decision.PROMOTE) == 0 && eval.share(Decision.ROLLBACK) >= 95);
        line(md, "tool-call rejections 0.5% -> 2% rolled back", "rollback "
                + pct(rejections.share(Decision.ROLLBACK)) + " %, median / p95 " + times(rejections) + " min",
                rejections.share(Decision.ROLLBACK) >= 95);
        RowSummary belowFloor = rollgate.get(indexOf(rows, Scenario.EVAL_SCORE_BELOW_FLOOR));
        line(md, "eval score below its absolute floor rolled back", "rollback "
                + pct(belowFloor.share(Decision.ROLLBACK)) + " %, median / p95 " + times(belowFloor) + " min",
                belowFloor.share(Decision.ROLLBACK) >= 95);
        line(md, "low traffic never PROMOTE", "promote " + pct(low.share(Decision.PROMOTE)) + " %",
                low.decisions().get(Decision.PROMOTE) == 0);
        line(md, "low traffic ends in HOLD/CONTINUE", pct(low.share(Decision.HOLD) + low.share(Decision.CONTINUE))
                + " % (rollback " + low.decisions().get(Decision.ROLLBACK) + " of " + low.runs() + ")",
                low.decisions().get(Decision.ROLLBACK) == 0);
        md.append("\nFalse promotion rate over all regression runs: rollgate ")
                .append(pct(regressionRuns == 0 ? 0 : 100 * falsePromotion / regressionRuns)).append(" %, Kayenta-style ")
                .append(pct(regressionRuns == 0 ? 0 : 100 * kayentaFalsePromotion / regressionRuns)).append(" %.\n");
        return md.toString();
    }

    private static int indexOf(List<BenchScenario> rows, Scenario scenario) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).scenario() == scenario) {
                return i;
            }
        }
        throw new IllegalStateException("benchmark has no row for " + scenario);
    }

    private static void line(StringBuilder md, String target, String measured, boolean met) {
        md.append("| ").append(target).append(" | ").append(measured).append(" | ").append(met ? "yes" : "**no**")
                .append(" |\n");
    }

    private static String times(RowSummary s) {
        return minutes(s.medianMinutes()) + " / " + minutes(s.p95Minutes());
    }

    private static String minutes(double m) {
        if (Double.isNaN(m)) {
            return "-";
        }
        return Double.isInfinite(m) ? "never" : fmt(m, 0);
    }

    private static String pct(double p) {
        return fmt(p, 1);
    }

    private static String fmt(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
