package dev.rollgate.cli;

import dev.rollgate.core.policy.PolicyError;
import dev.rollgate.core.policy.PolicyExplainer;
import dev.rollgate.core.policy.PolicyParseResult;
import dev.rollgate.core.policy.RolloutPolicy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** {@code rollgate policy validate|explain FILE}. */
@Command(name = "policy", description = "Validate or explain a rollout policy file.",
        mixinStandardHelpOptions = true)
public final class PolicyCommand {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Command(name = "validate", description = "Check a policy; prints a one-line summary, or one line per problem "
            + "(exit 2).")
    int validate(@Parameters(paramLabel = "FILE") Path file) {
        return withPolicy(file, policy -> List.of(PolicyExplainer.summary(policy)));
    }

    @Command(name = "explain", description = "Print the resolved stage plan, one line per stage in order.")
    int explain(@Parameters(paramLabel = "FILE") Path file) {
        return withPolicy(file, PolicyExplainer::lines);
    }

    private int withPolicy(Path file, Function<RolloutPolicy, List<String>> render) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PolicyFiles.Loaded loaded = PolicyFiles.load(file);
        if (loaded instanceof PolicyFiles.Loaded.Unreadable unreadable) {
            err.println(unreadable.message());
            return ExitCodes.IO_ERROR;
        }
        PolicyParseResult result = ((PolicyFiles.Loaded.Parsed) loaded).result();
        if (result instanceof PolicyParseResult.Invalid invalid) {
            for (PolicyError e : invalid.errors()) {
                err.println(file + ": " + e);
            }
            err.println(file + ": " + invalid.errors().size() + " problem" + (invalid.errors().size() == 1 ? "" : "s"));
            return ExitCodes.INVALID_INPUT;
        }
        render.apply(((PolicyParseResult.Valid) result).policy()).forEach(out::println);
        return ExitCodes.OK;
    }
}
