package dev.rollgate.cli;

import dev.rollgate.core.judge.StageEvaluation;
import dev.rollgate.core.judge.StageEvaluator;
import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.metrics.WindowParseResult;
import dev.rollgate.core.metrics.WindowParser;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.Callable;

/**
 * {@code rollgate judge --policy P --windows W.jsonl [--stage NAME]}: one evaluation of the stage over all
 * windows (the stage spanning the first to the last window), as JSON on stdout.
 */
@Command(name = "judge", mixinStandardHelpOptions = true,
        description = "Evaluate one stage over all windows of a JSONL file; prints the decision, score, reasons, "
                + "per-metric and per-trigger explanations as JSON. Exit 0 evaluated, 2 invalid input, 1 I/O error.")
public final class JudgeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--policy", required = true, paramLabel = "POLICY", description = "rollout policy YAML")
    Path policyFile;

    @Option(names = "--windows", required = true, paramLabel = "WINDOWS", description = "metric windows, JSONL")
    Path windowsFile;

    @Option(names = "--stage", paramLabel = "NAME",
            description = "stage to evaluate (default: the first stage gated by the judge score)")
    String stageName;

    /** The judge command's output: which file and stage, how much input, and the evaluation. */
    record Output(String file, String stage, int windows, int duplicatesIgnored, StageEvaluation evaluation) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StageChoice.Result chosen = StageChoice.load(policyFile, stageName, err);
        if (chosen instanceof StageChoice.Failed failed) {
            return failed.exitCode();
        }
        StageChoice.Chosen policyStage = (StageChoice.Chosen) chosen;
        WindowFiles.Loaded loaded = WindowFiles.load(windowsFile, WindowParser.forPolicy(policyStage.policy()));
        if (loaded instanceof WindowFiles.Loaded.Unreadable unreadable) {
            err.println(unreadable.message());
            return ExitCodes.IO_ERROR;
        }
        WindowParseResult parsed = ((WindowFiles.Loaded.Parsed) loaded).result();
        if (!parsed.valid()) {
            out.println(JsonOutput.line(InvalidWindows.of(windowsFile.toString(), parsed)));
            err.println(windowsFile + ": " + parsed.rejections().size() + " invalid window(s); first: "
                    + parsed.rejections().get(0));
            return ExitCodes.INVALID_INPUT;
        }
        Duration elapsed = span(parsed);
        StageEvaluation evaluation = new StageEvaluator().evaluate(policyStage.policy(), policyStage.stage(),
                parsed.windows(), elapsed);
        out.println(JsonOutput.line(new Output(windowsFile.toString(), policyStage.stage().name(),
                parsed.windows().size(), parsed.duplicatesIgnored(), evaluation)));
        return ExitCodes.OK;
    }

    private static Duration span(WindowParseResult parsed) {
        if (parsed.windows().isEmpty()) {
            return Duration.ZERO;
        }
        Instant first = parsed.windows().stream().map(MetricWindow::windowStart).min(Comparator.naturalOrder())
                .orElseThrow();
        Instant last = parsed.windows().stream().map(MetricWindow::windowEnd).max(Comparator.naturalOrder())
                .orElseThrow();
        return Duration.between(first, last);
    }
}
