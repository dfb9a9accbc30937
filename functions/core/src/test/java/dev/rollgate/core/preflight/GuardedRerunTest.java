package dev.rollgate.core.preflight;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GuardedRerunTest {
    private final InMemoryWorkflowRuns runs = new InMemoryWorkflowRuns();
    private final InMemoryRerunGuard guard = new InMemoryRerunGuard();
    private final GuardedRerun rerun = new GuardedRerun(runs, guard);

    private String originalRun() {
        return ((CallOutcome.Done<String>) runs.start(new RunStart("acme", "wf", Map.of(), "k-1", false))).value();
    }

    @Test
    void aRetriedRerunGetsTheFirstNewRunBackWithoutCallingTheServiceAgain() {
        String run = originalRun();

        RerunOutcome first = rerun.rerun("acme", "ro-1", run, "step-2", false);
        RerunOutcome second = rerun.rerun("acme", "ro-1", run, "step-2", false);

        assertThat(first).isInstanceOf(RerunOutcome.Started.class);
        String newRun = ((RerunOutcome.Started) first).newRunId();
        assertThat(newRun).isNotEqualTo(run);
        assertThat(second).isEqualTo(new RerunOutcome.Started(newRun, true));
        assertThat(runs.rerunCalls()).hasSize(1);
    }

    @Test
    void aRefusedRerunGivesTheClaimBack() {
        String run = originalRun();
        runs.scriptRerun(CallOutcome.refused(400, "RUN_NOT_RUNNABLE", "upstream step failed"));

        RerunOutcome refused = rerun.rerun("acme", "ro-1", run, "step-2", false);
        runs.scriptRerun(null);
        RerunOutcome retried = rerun.rerun("acme", "ro-1", run, "step-2", false);

        assertThat(refused).isEqualTo(new RerunOutcome.Refused(400, "RUN_NOT_RUNNABLE", "upstream step failed"));
        assertThat(retried).isInstanceOfSatisfying(RerunOutcome.Started.class, s -> assertThat(s.repeated()).isFalse());
    }

    @Test
    void anUnansweredRerunKeepsTheClaimSoNoSecondRunIsStarted() {
        String run = originalRun();
        runs.scriptRerun(CallOutcome.unavailable("timed out"));

        RerunOutcome lost = rerun.rerun("acme", "ro-1", run, "step-2", false);
        runs.scriptRerun(null);
        RerunOutcome retried = rerun.rerun("acme", "ro-1", run, "step-2", false);

        assertThat(lost).isEqualTo(new RerunOutcome.Unavailable("timed out"));
        assertThat(retried).isInstanceOf(RerunOutcome.InFlight.class);
        assertThat(runs.rerunCalls()).hasSize(1);
    }

    @Test
    void differentStepsOfTheSameRunAreSeparateReruns() {
        String run = originalRun();

        RerunOutcome a = rerun.rerun("acme", "ro-1", run, "step-2", false);
        RerunOutcome b = rerun.rerun("acme", "ro-1", run, "step-3", false);

        assertThat(a).isNotEqualTo(b);
        assertThat(runs.rerunCalls()).hasSize(2);
    }
}
