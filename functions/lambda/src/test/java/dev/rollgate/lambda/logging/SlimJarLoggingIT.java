package dev.rollgate.lambda.logging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployed jar logs exactly what the module's own classes and libraries log. The jar's Log4j plugin cache is
 * cut down at build time (build-tools/TrimLog4jPluginCache.java with log4j-plugins.keep) and Log4j resolves
 * plugins by name while reading the configuration, so a plugin wrongly dropped shows only when the jar runs: Log4j
 * then reports it on stderr and logs nothing, or logs different JSON. Runs {@link LoggingProbe} in two fresh JVMs,
 * one from the built jar and one from the unshaded classes and dependency jars (untrimmed caches), and compares.
 */
class SlimJarLoggingIT {
    private static final Path JAR = Path.of("target", "rollgate-lambda.jar");
    private static final Path RUNTIME_CLASSPATH = Path.of("target", "runtime-classpath.txt");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The probe's class files and the runs' output, removed after the class. */
    @TempDir
    static Path work;
    private static Run slim;
    private static Run unshaded;
    private static Run slimAtWarn;

    @BeforeAll
    static void runTheProbeFromTheJarAndFromTheUnshadedClasspath() throws Exception {
        assertThat(JAR).as("the built jar (mvn package)").exists();
        assertThat(RUNTIME_CLASSPATH).as("written by dependency:build-classpath at package").exists();
        Path probeClasses = work.resolve("classes");
        copyProbeClasses(probeClasses);
        slim = run(probeClasses + File.pathSeparator + JAR, null);
        slimAtWarn = run(probeClasses + File.pathSeparator + JAR, "WARN");
        unshaded = run(probeClasses + File.pathSeparator + Path.of("target", "classes") + File.pathSeparator
                + Files.readString(RUNTIME_CLASSPATH).trim(), null);
    }

    @Test
    void log4jReportsNoProblemStartingFromTheJar() {
        assertThat(slim.exit).as("exit code; stderr:%n%s", slim.stderr).isZero();
        assertThat(slim.stderr).as("Log4j status messages (a plugin the configuration needs is missing?)")
                .isEmpty();
        assertThat(unshaded.exit).as("the untrimmed run; stderr:%n%s", unshaded.stderr).isZero();
        assertThat(unshaded.stderr).isEmpty();
    }

    @Test
    void theJarLogsTheSameLinesAsTheUntrimmedClasspath() {
        assertThat(comparable(slim.stdout)).isEqualTo(comparable(unshaded.stdout));
    }

    @Test
    void theLinesAreThePowertoolsJsonWithTheRolloutIdLevelsAndErrors() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : slim.stdout.strip().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).extracting(l -> comparable(l.path("message").asText())).containsExactly(
                "stage 2 observed",
                "weight 50 is \"high\"\n(second line)",
                "judge failed",
                "a library's WARN is shown",
                "probe finished: OBSERVE in N ms",
                "probe failed",
                "the failing invocation rethrew: bad input");
        JsonNode observed = lines.get(0);
        assertThat(observed.path("level").asText()).isEqualTo("INFO");
        assertThat(observed.path("rolloutId").asText()).isEqualTo("r-probe");
        assertThat(observed.path("function_request_id").asText()).isEqualTo("req-0001");
        assertThat(observed.path("function_name").asText()).isEqualTo("rollgate-preflight");
        assertThat(observed.path("service").asText()).isEqualTo("rollgate-probe");
        assertThat(observed.path("cold_start").isBoolean()).as("cold_start flag").isTrue();
        assertThat(observed.path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        JsonNode judgeFailed = lines.get(2);
        assertThat(judgeFailed.path("level").asText()).isEqualTo("ERROR");
        assertThat(judgeFailed.path("error").path("name").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(judgeFailed.path("error").path("message").asText()).isEqualTo("no baseline");
        assertThat(judgeFailed.path("error").path("stack").asText())
                .contains("LoggingProbe", "Caused by: java.lang.ArithmeticException: nan");
        assertThat(lines.get(3).path("level").asText()).isEqualTo("WARN");
        assertThat(lines.get(5).path("error").path("name").asText())
                .isEqualTo("java.lang.IllegalArgumentException");
        assertThat(lines.get(6).has("rolloutId")).as("MDC cleared after the invocation").isFalse();
    }

    @Test
    void theLevelComesFromPowertoolsLogLevel() {
        assertThat(slimAtWarn.stderr).isEmpty();
        assertThat(slimAtWarn.stdout).contains("\"level\":\"WARN\"", "\"level\":\"ERROR\"")
                .doesNotContain("\"level\":\"INFO\"");
    }

    /** Log output with what differs from run to run (time stamps, durations) masked. */
    private static String comparable(String text) {
        return text.replaceAll("\"timestamp\":\"[^\"]*\"", "\"timestamp\":\"T\"")
                .replaceAll(" in \\d+ ms", " in N ms");
    }

    private static void copyProbeClasses(Path target) throws IOException {
        Path testClasses = Path.of("target", "test-classes");
        for (String name : List.of("dev/rollgate/lambda/logging/LoggingProbe",
                "dev/rollgate/lambda/runtime/LambdaContextFixture")) {
            Path dir = testClasses.resolve(name).getParent();
            String simple = testClasses.resolve(name).getFileName().toString();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.getFileName().toString().startsWith(simple)).toList()) {
                    Path copy = target.resolve(testClasses.relativize(file));
                    Files.createDirectories(copy.getParent());
                    Files.copy(file, copy);
                }
            }
        }
    }

    /** Runs the probe; {@code level} is POWERTOOLS_LOG_LEVEL, or null to leave it unset (INFO). */
    private static Run run(String classpath, String level) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, LoggingProbe.class.getName());
        Map<String, String> env = builder.environment();
        // Nothing but Log4j may write to stderr: the JVM echoes these options there.
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("_JAVA_OPTIONS");
        env.remove("JDK_JAVA_OPTIONS");
        env.remove("POWERTOOLS_LOG_LEVEL");
        if (level != null) {
            env.put("POWERTOOLS_LOG_LEVEL", level);
        }
        env.put("POWERTOOLS_SERVICE_NAME", "rollgate-probe");
        Path out = Files.createTempFile(work, "probe", ".out");
        Path err = Files.createTempFile(work, "probe", ".err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the logging probe did not finish within 60 s");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private record Run(int exit, String stdout, String stderr) {
    }
}
