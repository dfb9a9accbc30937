package dev.rollgate.statemachine.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cross-checks the local runner against an independent ASL interpreter, the npm package aws-local-stepfunctions
 * (through infra/asl/run-local.mjs and Node): the same definition, input and canned task results must give the
 * same final status, the same output (or error and cause) and the same task calls with the same inputs. Also
 * checks that every ASL fixture is valid for asl-validator. Needs {@code node} on the PATH and
 * {@code npm ci} done in infra/asl (infra/test.sh does it).
 */
class AwsLocalStepFunctionsConformanceIT {
    private static final Path ROOT = repositoryRoot();
    private static final Path ASL_TOOLS = ROOT.resolve("infra/asl");
    private static final Path FIXTURES = ROOT.resolve("statemachine/src/test/resources/asl");
    private static final Path CONFORMANCE = FIXTURES.resolve("conformance");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

    @TempDir
    Path temp;

    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of("rollout-shape.asl.json", "healthy.canned.json", "rollout-shape.input.json"),
                Arguments.of("rollout-shape.asl.json", "rollback.canned.json", "rollout-shape.input.json"),
                Arguments.of("data-shaping.asl.json", null, "data-shaping.input.json"),
                Arguments.of("data-shaping.asl.json", null, "data-shaping-unhealthy.input.json"));
    }

    @ParameterizedTest(name = "{0} with {1} and {2}")
    @MethodSource("scenarios")
    void theLocalRunnerEndsLikeAwsLocalStepFunctions(String definitionFile, String cannedFile, String inputFile)
            throws Exception {
        Path definition = CONFORMANCE.resolve(definitionFile);
        Map<String, String> substitutions = substitutionsFor(definition);
        Path substitutionsFile = write("substitutions.json", Json.MAPPER.valueToTree(substitutions));
        Path canned = cannedFile == null ? write("canned.json", Json.object()) : CONFORMANCE.resolve(cannedFile);
        Path input = CONFORMANCE.resolve(inputFile);

        JsonNode expected = runWithAwsLocalStepFunctions(definition, substitutionsFile, canned, input);
        JsonNode actual = runWithLocalRunner(definition, substitutions, canned, input);

        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void everyFixtureIsValidForAslValidator() throws Exception {
        List<Path> fixtures;
        try (Stream<Path> files = Files.walk(FIXTURES)) {
            fixtures = files.filter(file -> file.toString().endsWith(".asl.json")).sorted().toList();
        }
        Map<String, String> substitutions = new LinkedHashMap<>();
        for (Path fixture : fixtures) {
            substitutionsFor(fixture).forEach(substitutions::putIfAbsent);
        }
        List<String> args = new ArrayList<>(List.of("--substitutions",
                write("substitutions.json", Json.MAPPER.valueToTree(substitutions)).toString()));
        fixtures.forEach(fixture -> args.add(fixture.toString()));

        NodeResult result = node("validate.mjs", args.toArray(String[]::new));

        assertThat(result.exitCode()).as("asl-validator: %s", result.stderr()).isZero();
        assertThat(result.stdout().lines()).hasSize(fixtures.size()).allMatch(line -> line.endsWith(": valid"));
    }

    private JsonNode runWithAwsLocalStepFunctions(Path definition, Path substitutions, Path canned, Path input)
            throws Exception {
        NodeResult result = node("run-local.mjs", "--substitutions", substitutions.toString(), definition.toString(),
                canned.toString(), input.toString());
        if (result.exitCode() != 0) {
            fail("run-local.mjs exited with " + result.exitCode() + ": " + result.stderr());
        }
        ObjectNode report = (ObjectNode) Json.parse(result.stdout(), "run-local.mjs output");
        // run-local.mjs also names the state of each call; the Java handlers only see the resource.
        for (JsonNode call : report.withArray("calls")) {
            ((ObjectNode) call).remove("state");
        }
        return report;
    }

    private static JsonNode runWithLocalRunner(Path definitionFile, Map<String, String> substitutions, Path canned,
                                               Path input) throws IOException {
        CannedTaskHandlers handlers = new CannedTaskHandlers(Json.parse(Files.readString(canned), "canned"));
        WorkflowRunner runner = AslFixture.runner(WorkflowDefinition.load(definitionFile, substitutions),
                handlers.bindAll());
        Execution execution = runner.start("conformance", Files.readString(input));
        runner.runUntilSettled(execution, Duration.ofDays(1));

        ObjectNode report = Json.object();
        report.put("status", execution.status().name());
        execution.output().ifPresent(output -> report.set("output", output));
        execution.error().ifPresent(error -> {
            report.put("error", error.error());
            report.put("cause", error.cause());
        });
        ArrayNode calls = handlers.calls();
        report.set("calls", calls);
        return report;
    }

    /** A made-up Lambda ARN for each ${Name} placeholder of a fixture. */
    private static Map<String, String> substitutionsFor(Path definition) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        Path declared = definition.resolveSibling(
                definition.getFileName().toString().replace(".asl.json", ".substitutions.json"));
        if (Files.exists(declared)) {
            Json.parse(Files.readString(declared), "substitutions").fields()
                    .forEachRemaining(field -> values.put(field.getKey(), field.getValue().asText()));
            return values;
        }
        Matcher matcher = PLACEHOLDER.matcher(Files.readString(definition));
        while (matcher.find()) {
            values.put(matcher.group(1), AslFixture.lambdaArn(matcher.group(1)));
        }
        return values;
    }

    private Path write(String name, JsonNode content) throws IOException {
        Path file = Files.createTempFile(temp, "conformance-", "-" + name);
        Files.writeString(file, Json.write(content), StandardCharsets.UTF_8);
        return file;
    }

    private record NodeResult(int exitCode, String stdout, String stderr) {
    }

    private NodeResult node(String script, String... args) throws Exception {
        if (!Files.isDirectory(ASL_TOOLS.resolve("node_modules"))) {
            fail("infra/asl/node_modules is missing: run infra/test.sh, or (cd infra/asl && npm ci)");
        }
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile(temp, "node-", ".out");
        Path stderr = Files.createTempFile(temp, "node-", ".err");
        Process process;
        try {
            process = new ProcessBuilder(command).directory(ASL_TOOLS.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("could not start node (is Node.js 20+ on the PATH?)", e);
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(script + " did not finish within 120 s");
        }
        return new NodeResult(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("infra/asl/package.json"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run from inside the repository: infra/asl/package.json not found");
        }
        return dir;
    }
}
