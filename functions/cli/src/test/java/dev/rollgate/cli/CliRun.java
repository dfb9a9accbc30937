package dev.rollgate.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process and captures what it printed. */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new RollgateCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((ex, argv) -> {
            ex.getCommandLine().getErr().println(ex.getMessage());
            return ExitCodes.INVALID_INPUT;
        });
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
