package dev.rollgate.cli;

import dev.rollgate.core.judge.Decision;
import dev.rollgate.core.judge.StageEvaluation;
import dev.rollgate.core.judge.StageEvaluator;
import dev.rollgate.core.judge.StageReplay;
import dev.rollgate.core.metrics.WindowParseResult;
import dev.rollgate.core.metrics.WindowParser;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code rollgate replay --policy P --windows W.jsonl [W2.jsonl ...] [--stage NAME] [--trace]}: replays each
 * file as the workflow would (triggers at every window, the score at every analysis interval) and prints one
 * JSON line per file. Files are independent and replayed in parallel inside this one JVM; output keeps the
 * order of the arguments.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replay recorded windows in time order through a stage; one JSON line per file "
                + "{file, decision, decidedAt, score, reasons}. Exit 0 evaluated, 2 invalid input, 1 I/O error.")
public final class ReplayCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--policy", required = true, paramLabel = "POLICY", description = "rollout policy YAML")
    Path policyFile;

    @Option(names = "--windows", required = true, arity = "1..*", paramLabel = "WINDOWS",
            description = "one or more JSONL window files")
    List<Path> windowFiles = new ArrayList<>();

    @Parameters(paramLabel = "MORE", arity = "0..*", description = "further window files")
    List<Path> moreFiles = new ArrayList<>();

    @Option(names = "--stage", paramLabel = "NAME",
            description = "stage to replay (default: the first stage gated by the judge score)")
    String stageName;

    @Option(names = "--trace", description = "also print every evaluation, one JSON line each, before the file's result")
    boolean trace;

    /** One file's result line. */
    record FileResult(String file, String stage, Decision decision, Instant decidedAt, Double score,
                      List<String> reasons, int evaluations) {
    }

    /** One trace line. */
    record TraceLine(String file, StageEvaluation evaluation) {
    }

    private record Replayed(List<String> lines, int exitCode, String error) {
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
        StageReplay replay = new StageReplay(new StageEvaluator());
        List<Path> files = new ArrayList<>(windowFiles);
        files.addAll(moreFiles);
        List<Replayed> results = files.parallelStream().map(f -> replayOne(replay, policyStage, f)).toList();
        int exit = ExitCodes.OK;
        for (Replayed r : results) {
            r.lines().forEach(out::println);
            if (r.error() != null) {
                err.println(r.error());
            }
            exit = worse(exit, r.exitCode());
        }
        out.flush();
        return exit;
    }

    /** I/O errors outrank invalid input, which outranks success. */
    private static int worse(int a, int b) {
        if (a == ExitCodes.IO_ERROR || b == ExitCodes.IO_ERROR) {
            return ExitCodes.IO_ERROR;
        }
        return Math.max(a, b);
    }

    private Replayed replayOne(StageReplay replay, StageChoice.Chosen chosen, Path file) {
        WindowFiles.Loaded loaded = WindowFiles.load(file, WindowParser.forPolicy(chosen.policy()));
        if (loaded instanceof WindowFiles.Loaded.Unreadable unreadable) {
            return new Replayed(List.of(), ExitCodes.IO_ERROR, unreadable.message());
        }
        WindowParseResult parsed = ((WindowFiles.Loaded.Parsed) loaded).result();
        if (!parsed.valid()) {
            return new Replayed(List.of(JsonOutput.line(InvalidWindows.of(file.toString(), parsed))),
                    ExitCodes.INVALID_INPUT, file + ": " + parsed.rejections().size()
                    + " invalid window(s); first: " + parsed.rejections().get(0));
        }
        StageReplay.Result result = replay.replay(chosen.policy(), chosen.stage(), parsed.windows(), trace);
        List<String> lines = new ArrayList<>();
        result.trace().forEach(e -> lines.add(JsonOutput.line(new TraceLine(file.toString(), e))));
        StageEvaluation last = result.finalEvaluation();
        lines.add(JsonOutput.line(new FileResult(file.toString(), chosen.stage().name(), last.decision(),
                last.decidedAt(), last.score(), last.reasons(), result.evaluations())));
        return new Replayed(lines, ExitCodes.OK, null);
    }
}
