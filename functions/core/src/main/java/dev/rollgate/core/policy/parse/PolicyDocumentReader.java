package dev.rollgate.core.policy.parse;

import dev.rollgate.core.policy.PolicyParseResult;
import dev.rollgate.core.policy.RolloutPolicy;
import dev.rollgate.core.policy.Stage;
import dev.rollgate.core.policy.TrafficDriverKind;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one policy document in any of its shapes: rollgate's own (optionally with a {@code rollout_gates} block,
 * explicit {@code stages:} or Argo-style {@code steps:}), or an Argo Rollouts {@code Rollout} manifest.
 */
public final class PolicyDocumentReader {
    /** Policies are small; this bounds what a hostile or mistaken input can make the parser do. */
    public static final int MAX_DOCUMENT_CHARS = 256 * 1024;
    static final Set<String> ROOT_KEYS = Set.of("name", "driver", "preflight", "metrics", "metric_groups",
            "custom_metrics", "rollout_gates", "stages", "steps");
    private static final Set<String> ARGO_ROOT_KEYS = Set.of("apiVersion", "kind", "metadata", "spec");
    private static final Set<String> ARGO_METADATA_KEYS = Set.of("name", "namespace", "labels", "annotations");

    private PolicyDocumentReader() {
    }

    public static PolicyParseResult read(String text, String defaultName) {
        PolicyErrors errors = new PolicyErrors();
        Optional<PolicyNode> root = load(text, errors);
        if (root.isEmpty()) {
            return new PolicyParseResult.Invalid(errors.sorted());
        }
        Optional<RolloutPolicy> policy = isArgoManifest(root.get())
                ? readArgo(root.get(), defaultName)
                : readNative(root.get(), defaultName);
        if (!errors.isEmpty() || policy.isEmpty()) {
            if (errors.isEmpty()) {
                errors.add(root.get(), "the policy could not be read");
            }
            return new PolicyParseResult.Invalid(errors.sorted());
        }
        return new PolicyParseResult.Valid(policy.get());
    }

    private static Optional<PolicyNode> load(String text, PolicyErrors errors) {
        if (text.length() > MAX_DOCUMENT_CHARS) {
            errors.add("$", 0, "the policy is larger than " + MAX_DOCUMENT_CHARS + " characters");
            return Optional.empty();
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(MAX_DOCUMENT_CHARS * 2);
        try {
            List<Node> documents = new ArrayList<>();
            new Yaml(new SafeConstructor(options)).composeAll(new StringReader(text)).forEach(documents::add);
            if (documents.isEmpty()) {
                errors.add("$", 1, "the policy is empty");
                return Optional.empty();
            }
            if (documents.size() > 1) {
                errors.add("$", documents.get(1).getStartMark().getLine() + 1,
                        "one policy per file: found " + documents.size() + " YAML documents");
                return Optional.empty();
            }
            PolicyNode root = new PolicyNode(documents.get(0), "$", errors);
            if (!root.isMapping()) {
                errors.add(root, "a policy is a mapping of keys such as stages or rollout_gates, got "
                        + root.describe());
                return Optional.empty();
            }
            return Optional.of(root);
        } catch (MarkedYAMLException e) {
            // The context mark is where the broken construct starts (an unclosed bracket, say); the problem mark
            // is often only where the parser gave up, at the end of the file.
            var mark = e.getContextMark() != null ? e.getContextMark() : e.getProblemMark();
            int line = mark != null ? mark.getLine() + 1 : 0;
            errors.add("$", line, "not valid YAML: " + firstLine(e.getProblem()));
        } catch (YAMLException e) {
            errors.add("$", 0, "not valid YAML: " + firstLine(e.getMessage()));
        }
        return Optional.empty();
    }

    private static boolean isArgoManifest(PolicyNode root) {
        // Probe silently: unknown keys are reported once, by the reader of the shape that is chosen.
        return root.withErrors(new PolicyErrors()).mapping(ARGO_ROOT_KEYS)
                .map(f -> f.has("apiVersion") || f.has("kind") || f.has("spec")).orElse(false);
    }

    private static Optional<RolloutPolicy> readNative(PolicyNode root, String defaultName) {
        return root.mapping(ROOT_KEYS).flatMap(f -> {
            String name = f.get("name").flatMap(PolicyNode::string).orElse(defaultName);
            PolicyNode driverNode = f.get("driver").orElse(root);
            TrafficDriverKind driver = f.get("driver")
                    .flatMap(n -> ExplicitStagesReader.enumValue(n, TrafficDriverKind.class))
                    .orElse(TrafficDriverKind.ALIAS);
            GateDefaults gates = GatesBlockReader.read(f.get("rollout_gates"));
            List<PolicyNode> stageNodes = new ArrayList<>();
            Optional<List<Stage>> stages;
            if (f.has("stages") && f.has("steps")) {
                root.errors().add(f.get("steps").orElseThrow(), "give either stages or steps, not both");
                stages = Optional.empty();
            } else if (f.has("stages")) {
                PolicyNode stagesNode = f.get("stages").orElseThrow();
                // Listed silently (the stages reader reports shape errors), then bound back to the real collector
                // so the cross-stage rules can point at each stage.
                stagesNode.withErrors(new PolicyErrors()).sequence().ifPresent(items -> items
                        .forEach(item -> stageNodes.add(item.withErrors(root.errors()))));
                stages = ExplicitStagesReader.read(stagesNode, gates);
            } else if (f.has("steps")) {
                stages = ArgoStepsReader.read(f.get("steps").orElseThrow(), gates);
            } else {
                stages = Optional.of(DefaultPlan.stages(gates));
            }
            return assemble(f, name, driver, driverNode, stages, stageNodes, root);
        });
    }

    private static Optional<RolloutPolicy> readArgo(PolicyNode root, String defaultName) {
        return root.mapping(ARGO_ROOT_KEYS).flatMap(f -> {
            f.require("apiVersion").flatMap(PolicyNode::string).filter(v -> !v.startsWith("argoproj.io/"))
                    .ifPresent(v -> root.errors().add(f.get("apiVersion").orElseThrow(),
                            "expected an argoproj.io apiVersion, got '" + v + "'"));
            f.require("kind").flatMap(PolicyNode::string).filter(v -> !"Rollout".equals(v))
                    .ifPresent(v -> root.errors().add(f.get("kind").orElseThrow(),
                            "expected kind Rollout, got '" + v + "'"));
            String name = f.get("metadata").flatMap(m -> m.mapping(ARGO_METADATA_KEYS))
                    .flatMap(m -> m.get("name")).flatMap(PolicyNode::string).orElse(defaultName);
            Optional<PolicyNode> steps = f.require("spec")
                    .flatMap(spec -> spec.mapping(Set.of("strategy"))).flatMap(s -> s.require("strategy"))
                    .flatMap(strategy -> strategy.mapping(Set.of("canary"))).flatMap(s -> s.require("canary"))
                    .flatMap(canary -> canary.mapping(Set.of("steps"))).flatMap(s -> s.require("steps"));
            if (steps.isEmpty()) {
                return Optional.empty();
            }
            Optional<List<Stage>> stages = ArgoStepsReader.read(steps.get(), GateDefaults.documented());
            return stages.map(list -> new RolloutPolicy(name, TrafficDriverKind.ALIAS, list,
                    dev.rollgate.core.policy.PreflightSpec.none(),
                    dev.rollgate.core.policy.parse.BuiltInMetrics.defaults(), defaultGroupWeights(), List.of()));
        });
    }

    private static Optional<RolloutPolicy> assemble(PolicyNode.Fields f, String name, TrafficDriverKind driver,
                                                    PolicyNode driverNode, Optional<List<Stage>> stages,
                                                    List<PolicyNode> stageNodes, PolicyNode root) {
        var preflight = PreflightReader.read(f.get("preflight"));
        MetricsReader.Result metrics = MetricsReader.read(f);
        if (stages.isEmpty()) {
            return Optional.empty();
        }
        PolicyRules.check(stages.get(), stageNodes, driver, driverNode, f.get("stages").orElse(root));
        return Optional.of(new RolloutPolicy(name, driver, stages.get(), preflight, metrics.metrics(),
                metrics.groupWeights(), metrics.custom()));
    }

    private static java.util.Map<String, Double> defaultGroupWeights() {
        java.util.Map<String, Double> weights = new java.util.LinkedHashMap<>();
        BuiltInMetrics.defaults().forEach(m -> weights.putIfAbsent(m.group(), 1.0));
        return weights;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
