package dev.rollgate.perf.jmh;

import dev.rollgate.cli.RollgateCommand;
import dev.rollgate.core.metrics.WindowWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code rollgate replay} as a release pipeline runs it: one command over {@value #FILES} recorded window files
 * (each a 3-hour canary, 180 windows per variant, 20 metrics), parsed, validated and replayed in time order
 * (triggers at every window, the score at every interval). The score is files per second; the command replays
 * files in parallel, so it uses every core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 8, time = 5)
@Fork(2)
public class ReplayBenchmark {
    static final int FILES = 8;
    private Path dir;
    private String[] args;
    private final PrintWriter discard = new PrintWriter(Writer.nullWriter());

    @Setup
    public void writeFiles() throws IOException {
        dir = Files.createTempDirectory("rollgate-replay-bench");
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, JudgeWorkload.POLICY);
        List<String> command = new ArrayList<>(List.of("replay", "--policy", policy.toString(), "--windows"));
        WindowWriter writer = new WindowWriter();
        for (int i = 0; i < FILES; i++) {
            Path file = dir.resolve("canary-" + i + ".jsonl");
            Files.writeString(file, writer.toJsonLines(JudgeWorkload.windows(1000 + i)));
            command.add(file.toString());
        }
        args = command.toArray(String[]::new);
        int exit = replay();
        if (exit != 0) {
            throw new IllegalStateException("replay exited " + exit + " on the benchmark's files");
        }
    }

    @TearDown
    public void removeFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(FILES)
    public int replayFiles() {
        return replay();
    }

    private int replay() {
        return new CommandLine(new RollgateCommand()).setOut(discard).setErr(discard).execute(args);
    }
}
