package dev.rollgate.lambda.template;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollgate.aws.dynamodb.StateSchema;
import dev.rollgate.aws.dynamodb.TableSpec;
import dev.rollgate.aws.template.CloudFormationYaml;
import dev.rollgate.lambda.runtime.AdapterNotWiredException;
import dev.rollgate.lambda.runtime.AwsClients;
import dev.rollgate.lambda.runtime.AwsRolloutPorts;
import dev.rollgate.lambda.runtime.Configuration;
import dev.rollgate.lambda.runtime.LambdaComponents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * template.yaml against the code: handlers exist and are all deployed, the ASL's placeholders are all
 * substituted, each function's environment has every variable its code reads (and no ROLLGATE_ variable the
 * code would refuse), and each function's IAM covers the AWS services its code builds clients for.
 */
class TemplateCrossCheckTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");
    /** SAM policy templates the template uses, by the IAM service they grant. Unknown ones fail the test. */
    private static final Map<String, String> POLICY_TEMPLATE_SERVICES = Map.of(
            "DynamoDBCrudPolicy", "dynamodb", "DynamoDBReadPolicy", "dynamodb",
            "EventBridgePutEventsPolicy", "events", "LambdaInvokePolicy", "lambda");
    /** The only actions whose APIs take no resource ARN, so "*" is the only possible Resource. */
    private static final Set<String> RESOURCELESS_ACTIONS = Set.of("states:SendTaskSuccess",
            "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery",
            "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies",
            "logs:DescribeLogGroups");
    /** Services of ports that build no client yet, held to their documented needs (see the IAM test). */
    private static final Map<String, Set<String>> UNWIRED_PORT_SERVICES = Map.of(
            "ShiftTrafficFunction", Set.of("lambda", "codedeploy"),
            "RollBackFunction", Set.of("lambda", "codedeploy"),
            "PreflightFunction", Set.of("ssm"),
            "BeforeAllowTrafficHookFunction", Set.of("codedeploy"),
            "AfterAllowTrafficHookFunction", Set.of("codedeploy"));
    /**
     * Resource ARNs that end in a wildcard although no named resource precedes it: CodeDeploy hooks serve teams'
     * own deployment groups, whose names rollgate cannot know; the canary deployment config is looked up and
     * created by name at run time.
     */
    private static final Set<String> EXPLAINED_WILDCARD_RESOURCES = Set.of(":deploymentgroup:*",
            ":deploymentconfig:*");
    /** What each handler's code builds on its first invocation (its use case and what that reads). */
    private static final Map<String, Consumer<LambdaComponents>> USE_CASES = Map.ofEntries(
            Map.entry("StartRolloutHandler", LambdaComponents::startRollout),
            Map.entry("PreflightHandler", LambdaComponents::preflight),
            Map.entry("ShiftTrafficHandler", LambdaComponents::shiftTraffic),
            Map.entry("EvaluateHandler", LambdaComponents::evaluate),
            Map.entry("RequestApprovalHandler", LambdaComponents::requestApproval),
            Map.entry("RollBackHandler", LambdaComponents::rollBack),
            Map.entry("RecordOutcomeHandler", LambdaComponents::recordOutcome),
            Map.entry("IngestMetricWindowHandler", c -> {
                c.tenant();
                c.ingest();
            }),
            Map.entry("ApprovalCallbackHandler", c -> {
                c.tenant();
                c.decideApproval();
            }),
            Map.entry("BeforeAllowTrafficHookHandler", LambdaComponents::hooks),
            Map.entry("AfterAllowTrafficHookHandler", LambdaComponents::hooks));

    private static Path root;
    private static JsonNode template;
    private static Map<String, JsonNode> functions;

    @BeforeAll
    static void readTemplate() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("template.yaml"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("template.yaml above the working directory").isNotNull();
        root = dir;
        try (Reader reader = Files.newBufferedReader(root.resolve("template.yaml"))) {
            template = CloudFormationYaml.read(reader);
        }
        functions = new LinkedHashMap<>();
        template.path("Resources").fields().forEachRemaining(e -> {
            if (e.getValue().path("Type").asText().equals("AWS::Serverless::Function")) {
                functions.put(e.getKey(), e.getValue());
            }
        });
        // Building SDK clients needs a region; without one the SDK would ask the EC2 metadata service.
        System.setProperty("aws.region", "us-east-1");
    }

    @Test
    void everyHandlerNamedInTheTemplateIsAPublicRequestHandlerMethod() throws Exception {
        assertThat(functions).isNotEmpty();
        for (var entry : functions.entrySet()) {
            String handler = entry.getValue().path("Properties").path("Handler").asText();
            assertThat(handler).as(entry.getKey()).contains("::");
            Class<?> type = Class.forName(handler.substring(0, handler.indexOf("::")));
            String method = handler.substring(handler.indexOf("::") + 2);
            assertThat(RequestHandler.class).as(handler).isAssignableFrom(type);
            Method m = type.getMethod(method, Object.class, Context.class);
            assertThat(Modifier.isPublic(m.getModifiers())).as(handler).isTrue();
            assertThat(type.getConstructor()).as(handler + " needs a public no-argument constructor").isNotNull();
        }
    }

    @Test
    void everyHandlerClassIsDeployedExactlyOnce() throws IOException {
        Path classes = root.resolve("functions/lambda/target/classes");
        List<String> inCode;
        try (Stream<Path> files = Files.walk(classes)) {
            inCode = files.map(p -> classes.relativize(p).toString())
                    .filter(p -> p.endsWith("Handler.class") && !p.contains("$"))
                    .map(p -> p.replace('/', '.').replace(".class", ""))
                    .filter(this::isRequestHandler).sorted().toList();
        }
        List<String> inTemplate = functions.values().stream()
                .map(f -> f.path("Properties").path("Handler").asText().split("::")[0]).sorted().toList();
        assertThat(inTemplate).isEqualTo(inCode);
        assertThat(USE_CASES.keySet()).as("every deployed handler has its use case in this test")
                .containsExactlyInAnyOrderElementsOf(inCode.stream().map(c -> c.substring(c.lastIndexOf('.') + 1))
                        .toList());
    }

    @Test
    void everyAslPlaceholderHasASubstitutionAndEverySubstitutionIsUsed() throws IOException {
        JsonNode machine = template.path("Resources").path("RolloutStateMachine").path("Properties");
        String asl = Files.readString(root.resolve(machine.path("DefinitionUri").asText()));
        Set<String> placeholders = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(asl);
        while (m.find()) {
            placeholders.add(m.group(1));
        }
        Set<String> substitutions = new TreeSet<>();
        machine.path("DefinitionSubstitutions").fieldNames().forEachRemaining(substitutions::add);
        assertThat(placeholders).isNotEmpty().isEqualTo(substitutions);
        new ObjectMapper().readTree(asl);
    }

    @Test
    void theStateMachineInvokesEveryTaskFunctionThroughItsLiveAlias() {
        JsonNode subs = template.path("Resources").path("RolloutStateMachine").path("Properties")
                .path("DefinitionSubstitutions");
        subs.fields().forEachRemaining(e -> {
            String ref = e.getValue().path("Ref").asText();
            assertThat(ref).as(e.getKey()).endsWith(".Alias");
            assertThat(functions).as(e.getKey()).containsKey(ref.replace(".Alias", ""));
        });
    }

    @Test
    void everyFunctionTimesOutBeforeTheStateMachineTaskDoes() throws IOException {
        JsonNode asl = new ObjectMapper().readTree(root.resolve("statemachine/rollout.asl.json").toFile());
        int taskTimeout = asl.path("States").path("Preflight").path("TimeoutSeconds").asInt();
        // Only the state machine's task functions: the CodeDeploy hooks are invoked by CodeDeploy, not by a task.
        java.util.Set<String> taskFunctions = new java.util.HashSet<>();
        template.path("Resources").path("RolloutStateMachine").path("Properties").path("DefinitionSubstitutions")
                .forEach(ref -> taskFunctions.add(ref.path("Ref").asText().replace(".Alias", "")));
        assertThat(taskFunctions).isNotEmpty();
        for (var entry : functions.entrySet()) {
            if (!taskFunctions.contains(entry.getKey())) {
                continue;
            }
            int timeout = entry.getValue().path("Properties").path("Timeout")
                    .asInt(template.path("Globals").path("Function").path("Timeout").asInt());
            assertThat(timeout).as(entry.getKey()).isPositive().isLessThan(taskTimeout);
        }
    }

    @Test
    void everyFunctionIsJava17WithSnapStartOnItsPublishedAlias() {
        JsonNode globals = template.path("Globals").path("Function");
        assertThat(globals.path("Runtime").asText()).isEqualTo("java17");
        assertThat(globals.path("SnapStart").path("ApplyOn").asText()).isEqualTo("PublishedVersions");
        assertThat(globals.path("AutoPublishAlias").asText()).isNotBlank();
        assertThat(globals.path("Tracing").asText()).isEqualTo("Active");
        for (var entry : functions.entrySet()) {
            assertThat(entry.getValue().path("Properties").has("Runtime")).as(entry.getKey()).isFalse();
        }
    }

    @Test
    void everyRollgateVariableTheTemplateSetsIsOneTheCodeKnows() {
        for (var entry : functions.entrySet()) {
            for (String name : environmentOf(entry.getValue()).keySet()) {
                if (name.startsWith(Configuration.PREFIX)) {
                    assertThat(Configuration.ROLLGATE_VARIABLES).as(entry.getKey() + " sets " + name).contains(name);
                }
            }
        }
    }

    @Test
    void eachFunctionsEnvironmentHasEveryVariableItsCodeReads() {
        for (var entry : functions.entrySet()) {
            Map<String, String> env = environmentOf(entry.getValue());
            LambdaComponents components = new LambdaComponents(new AwsRolloutPorts(new Configuration(env),
                    new AwsClients()));
            assertThatCode(() -> build(entry.getValue(), components)).as(entry.getKey()).doesNotThrowAnyException();
        }
        // The Cordum client reads these itself (CordumClientConfig on its branch).
        Map<String, String> preflight = environmentOf(functions.get("PreflightFunction"));
        assertThat(preflight).containsKeys(Configuration.CORDUM_URL, Configuration.CORDUM_API_KEY_PARAMETER);
    }

    @Test
    void eachFunctionsIamCoversTheServicesItsCodeCalls() {
        for (var entry : functions.entrySet()) {
            assertThat(servicesGrantedTo(entry.getValue())).as(entry.getKey() + " IAM")
                    .containsAll(servicesBuiltBy(entry.getValue()));
        }
        // Ports not wired yet build no client, so they are held to their documented needs here.
        assertThat(servicesGrantedTo(functions.get("ShiftTrafficFunction"))).contains("lambda", "codedeploy");
        assertThat(servicesGrantedTo(functions.get("RollBackFunction"))).contains("lambda", "codedeploy");
        assertThat(servicesGrantedTo(functions.get("PreflightFunction"))).contains("ssm");
        assertThat(servicesGrantedTo(functions.get("BeforeAllowTrafficHookFunction"))).contains("codedeploy");
    }

    @Test
    void noStatementGrantsEveryActionAndStarResourcesOnlyWhereTheApiHasNoResource() {
        List<JsonNode> statements = new ArrayList<>();
        functions.values().forEach(f -> statements.addAll(statementsOf(f)));
        statements.addAll(statementsOf(template.path("Resources").path("RolloutStateMachine")));
        assertThat(statements).isNotEmpty();
        for (JsonNode statement : statements) {
            List<String> actions = texts(statement.path("Action"));
            assertThat(actions).as(statement.toString()).noneMatch(a -> a.equals("*") || a.endsWith(":*"));
            if (texts(statement.path("Resource")).contains("*")) {
                assertThat(RESOURCELESS_ACTIONS).as(statement.toString()).containsAll(actions);
            }
        }
    }

    @Test
    void noFunctionIsGrantedAServiceItsCodeDoesNotCall() {
        for (var entry : functions.entrySet()) {
            Set<String> needed = new TreeSet<>(servicesBuiltBy(entry.getValue()));
            // DynamoDB and EventBridge clients are built on first call, not when the use case is; the policies of
            // those two services are held to the state schema and the one bus by the tests around this one.
            needed.addAll(Set.of("dynamodb", "events"));
            needed.addAll(UNWIRED_PORT_SERVICES.getOrDefault(entry.getKey(), Set.of()));
            assertThat(needed).as(entry.getKey() + " is granted only services its code calls")
                    .containsAll(servicesGrantedTo(entry.getValue()));
        }
    }

    @Test
    void aWildcardInsideAResourceArnOnlyQualifiesANamedResourceOrIsAnExplainedException() {
        for (var entry : functions.entrySet()) {
            for (JsonNode statement : statementsOf(entry.getValue())) {
                for (String resource : strings(statement.path("Resource"))) {
                    if (resource.equals("*") || !resource.contains("*")) {
                        continue;
                    }
                    boolean qualifiesNamedResource = resource.matches(".*\\$\\{[A-Za-z.]+}:\\*");
                    assertThat(qualifiesNamedResource || EXPLAINED_WILDCARD_RESOURCES.stream()
                            .anyMatch(resource::endsWith)).as(entry.getKey() + ": " + resource).isTrue();
                }
            }
        }
    }

    @Test
    void theOnlyEntryPointOutsideAwsIsTheIamAuthenticatedApprovalUrl() {
        for (var entry : functions.entrySet()) {
            JsonNode url = entry.getValue().path("Properties").path("FunctionUrlConfig");
            if (entry.getKey().equals("ApprovalCallbackFunction")) {
                assertThat(url.path("AuthType").asText()).as("approval URL auth").isEqualTo("AWS_IAM");
            } else {
                assertThat(url.isMissingNode()).as(entry.getKey() + " has no function URL").isTrue();
            }
            entry.getValue().path("Properties").path("Events").forEach(event -> assertThat(event.path("Type")
                    .asText()).as(entry.getKey() + " event source").isIn("EventBridgeRule"));
        }
    }

    @Test
    void theApprovalFunctionMayReadTheRolloutItChecksForFourEyes() {
        // DecideApproval compares the approver with the rollout's requester, not only the request's.
        assertThat(tablesGrantedTo(functions.get("ApprovalCallbackFunction")))
                .contains("ApprovalsTable", "RolloutHistoryTable", "RolloutsTable");
    }

    @Test
    void everyTablePolicyNamesATableOfTheStateSchema() {
        Set<String> schemaTables = new TreeSet<>();
        StateSchema.ALL.stream().map(TableSpec::logicalId).forEach(schemaTables::add);
        for (var entry : functions.entrySet()) {
            for (JsonNode policy : entry.getValue().path("Properties").path("Policies")) {
                policy.fields().forEachRemaining(p -> {
                    if (p.getKey().startsWith("DynamoDB")) {
                        assertThat(schemaTables).as(entry.getKey()).contains(p.getValue().path("TableName")
                                .path("Ref").asText());
                    }
                });
            }
        }
    }

    /** The AWS services whose clients the function's use case builds from the function's own environment. */
    private static Set<String> servicesBuiltBy(JsonNode function) {
        AwsClients clients = new AwsClients();
        build(function, new LambdaComponents(new AwsRolloutPorts(new Configuration(environmentOf(function)),
                clients)));
        return clients.usedServices();
    }

    private static void build(JsonNode function, LambdaComponents components) {
        String handler = function.path("Properties").path("Handler").asText().split("::")[0];
        Consumer<LambdaComponents> useCase = USE_CASES.get(handler.substring(handler.lastIndexOf('.') + 1));
        assertThat(useCase).as(handler).isNotNull();
        try {
            useCase.accept(components);
        } catch (AdapterNotWiredException notYet) {
            // Everything read before the unwired port was checked; the rest is checked once it is wired.
        }
    }

    /** Globals plus the function's own variables, each reference replaced by a value of the right shape. */
    private static Map<String, String> environmentOf(JsonNode function) {
        Map<String, String> env = new HashMap<>();
        List<JsonNode> sources = List.of(template.path("Globals").path("Function").path("Environment")
                .path("Variables"), function.path("Properties").path("Environment").path("Variables"));
        for (JsonNode variables : sources) {
            variables.fields().forEachRemaining(e -> env.put(e.getKey(), sample(e.getKey(), e.getValue())));
        }
        return env;
    }

    private static String sample(String name, JsonNode value) {
        if (value.isTextual() || value.isNumber()) {
            return value.asText();
        }
        String ref = value.path("Ref").asText("value");
        if (name.equals(Configuration.CORDUM_URL)) {
            return "https://cordum.example.com";
        }
        if (name.equals(Configuration.STATE_MACHINE_ARN)) {
            return "arn:aws:states:us-east-1:123456789012:stateMachine:" + ref;
        }
        return "sample-" + ref;
    }

    private static Set<String> servicesGrantedTo(JsonNode resource) {
        Set<String> services = new TreeSet<>();
        for (JsonNode policy : resource.path("Properties").path("Policies")) {
            policy.fieldNames().forEachRemaining(name -> {
                if (!name.equals("Statement")) {
                    assertThat(POLICY_TEMPLATE_SERVICES).as("SAM policy template " + name + " is mapped in this test")
                            .containsKey(name);
                    services.add(POLICY_TEMPLATE_SERVICES.get(name));
                }
            });
        }
        for (JsonNode statement : statementsOf(resource)) {
            texts(statement.path("Action")).forEach(a -> services.add(a.substring(0, a.indexOf(':'))));
        }
        return services;
    }

    private static List<JsonNode> statementsOf(JsonNode resource) {
        List<JsonNode> statements = new ArrayList<>();
        for (JsonNode policy : resource.path("Properties").path("Policies")) {
            policy.path("Statement").forEach(statements::add);
        }
        return statements;
    }

    /** Every string inside a node (a plain value, a list, or an intrinsic such as Fn::Sub). */
    private static List<String> strings(JsonNode node) {
        List<String> found = new ArrayList<>();
        if (node.isTextual()) {
            found.add(node.asText());
        } else {
            node.forEach(n -> found.addAll(strings(n)));
        }
        return found;
    }

    private static Set<String> tablesGrantedTo(JsonNode function) {
        Set<String> tables = new TreeSet<>();
        for (JsonNode policy : function.path("Properties").path("Policies")) {
            policy.fields().forEachRemaining(p -> {
                if (p.getKey().startsWith("DynamoDB")) {
                    tables.add(p.getValue().path("TableName").path("Ref").asText());
                }
            });
        }
        return tables;
    }

    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.isTextual()) {
            texts.add(node.asText());
        } else {
            node.forEach(n -> texts.add(n.asText()));
        }
        return texts;
    }

    private boolean isRequestHandler(String className) {
        try {
            Class<?> type = Class.forName(className);
            return RequestHandler.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(className, e);
        }
    }
}
