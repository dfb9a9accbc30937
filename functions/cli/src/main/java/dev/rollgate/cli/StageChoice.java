package dev.rollgate.cli;

import dev.rollgate.core.policy.PolicyError;
import dev.rollgate.core.policy.PolicyParseResult;
import dev.rollgate.core.policy.RolloutPolicy;
import dev.rollgate.core.policy.Stage;
import dev.rollgate.core.policy.StageType;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;

/** Loads the policy and picks the stage to judge: the named one, else the first judged by score, else the first canary. */
final class StageChoice {
    private StageChoice() {
    }

    /** The policy and stage, or the exit code to return after the reason was printed. */
    sealed interface Result {
    }

    record Chosen(RolloutPolicy policy, Stage stage) implements Result {
    }

    record Failed(int exitCode) implements Result {
    }

    static Result load(Path policyFile, String stageName, PrintWriter err) {
        PolicyFiles.Loaded loaded = PolicyFiles.load(policyFile);
        if (loaded instanceof PolicyFiles.Loaded.Unreadable unreadable) {
            err.println(unreadable.message());
            return new Failed(ExitCodes.IO_ERROR);
        }
        PolicyParseResult result = ((PolicyFiles.Loaded.Parsed) loaded).result();
        if (result instanceof PolicyParseResult.Invalid invalid) {
            for (PolicyError e : invalid.errors()) {
                err.println(policyFile + ": " + e);
            }
            return new Failed(ExitCodes.INVALID_INPUT);
        }
        RolloutPolicy policy = ((PolicyParseResult.Valid) result).policy();
        Optional<Stage> stage = stageName != null ? policy.stageNamed(stageName)
                : policy.stages().stream().filter(s -> s.gate().judgeScore()).findFirst()
                .or(() -> policy.stages().stream().filter(s -> s.type() == StageType.CANARY).findFirst())
                .or(() -> policy.stages().stream().findFirst());
        if (stage.isEmpty()) {
            err.println(policyFile + ": no stage named '" + stageName + "'; stages: "
                    + policy.stages().stream().map(Stage::name).collect(Collectors.joining(", ")));
            return new Failed(ExitCodes.INVALID_INPUT);
        }
        return new Chosen(policy, stage.get());
    }
}
