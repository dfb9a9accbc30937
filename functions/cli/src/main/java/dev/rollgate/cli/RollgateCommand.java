package dev.rollgate.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code rollgate} command: {@code java -jar functions/cli/target/rollgate.jar <subcommand> ...}. */
@Command(name = "rollgate", mixinStandardHelpOptions = true, version = "rollgate 0.1.0",
        description = "Release controller for AI agents: validate and explain rollout policies, judge and replay "
                + "metric windows.",
        subcommands = {PolicyCommand.class, JudgeCommand.class, ReplayCommand.class})
public final class RollgateCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new RollgateCommand());
        // Usage mistakes are input errors: exit 2 like every other invalid input.
        cli.setParameterExceptionHandler((ex, argv) -> {
            ex.getCommandLine().getErr().println(ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return ExitCodes.INVALID_INPUT;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
