package dev.rollgate.core.policy;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyParserTest {
    private static final String GATES = """
            rollout_gates:
              min_data_points_per_metric: 50
              canary_lifetime_hours: 3
              metric_interval_hours: 1
              score:
                pass: 95
                marginal: 75
              rollback_triggers:
                max_error_rate_delta: 2.0
                max_policy_deny_rate: 0.03
            """;

    @Test
    void gatesBlockAloneGivesTheDefaultPlanWithItsNumbers() {
        RolloutPolicy p = valid(GATES);
        assertThat(p.stages()).extracting(Stage::name).containsExactly("shadow", "canary-1", "canary-2", "full");
        assertThat(p.stages()).extracting(Stage::weight).containsExactly(0, 10, 50, 100);
        Stage canary1 = p.stage(1);
        assertThat(canary1.analysis().minDataPointsPerMetric()).isEqualTo(50);
        assertThat(canary1.analysis().lifetime()).isEqualTo(Duration.ofHours(3));
        assertThat(canary1.analysis().interval()).isEqualTo(Duration.ofHours(1));
        assertThat(canary1.analysis().score()).isEqualTo(new ScoreThresholds(95, 75));
        assertThat(canary1.gate().judgeScore()).isTrue();
        assertThat(canary1.triggers().maxErrorRateRatio()).contains(2.0);
        assertThat(canary1.triggers().maxPolicyDenyRate()).contains(0.03);
        assertThat(canary1.triggers().maxApprovalBacklog()).isPresent();
        Stage canary2 = p.stage(2);
        assertThat(canary2.gate().stableLatency()).isTrue();
        assertThat(canary2.gate().maxPolicyDenyRate()).contains(0.03);
        assertThat(canary2.triggers().overload()).hasValueSatisfying(o ->
                assertThat(o.reasonCodes()).contains("pool_overloaded", "no_workers"));
        assertThat(p.stage(0).gate().preflight()).isTrue();
        assertThat(p.stage(0).triggers().maxParseFailureRatio()).isPresent();
        assertThat(p.stage(0).triggers().maxSafetyDenyRatio()).isPresent();
        assertThat(p.stage(3).type()).isEqualTo(StageType.FULL);
        assertThat(p.stage(3).gate().noCriticalIncident()).isTrue();
    }

    @Test
    void gatesBlockNumbersAreHonouredNotDefaulted() {
        RolloutPolicy p = valid("""
                rollout_gates:
                  min_data_points_per_metric: 20
                  canary_lifetime_hours: 2
                  metric_interval_hours: 0.5
                  score: {pass: 90, marginal: 60}
                  rollback_triggers: {max_error_rate_delta: 3.5, max_policy_deny_rate: 0.1}
                """);
        Stage canary = p.stage(1);
        assertThat(canary.analysis().minDataPointsPerMetric()).isEqualTo(20);
        assertThat(canary.minDuration()).isEqualTo(Duration.ofHours(2));
        assertThat(canary.analysis().interval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(canary.analysis().score()).isEqualTo(new ScoreThresholds(90, 60));
        assertThat(canary.triggers().maxErrorRateRatio()).contains(3.5);
        assertThat(p.stage(2).gate().maxPolicyDenyRate()).contains(0.1);
    }

    @Test
    void argoStepsMapOntoCanaryStagesThenFull() {
        RolloutPolicy p = valid("""
                apiVersion: argoproj.io/v1alpha1
                kind: Rollout
                metadata: {name: my-agent}
                spec:
                  strategy:
                    canary:
                      steps:
                      - setWeight: 10
                      - pause: { duration: 20m }
                      - setWeight: 25
                      - pause: {}
                      - setWeight: 50
                      - pause: { duration: 90 }
                """);
        assertThat(p.name()).isEqualTo("my-agent");
        assertThat(p.stages()).extracting(Stage::weight).containsExactly(10, 25, 50, 100);
        assertThat(p.stage(0).minDuration()).isEqualTo(Duration.ofMinutes(20));
        assertThat(p.stage(0).analysis().interval()).isEqualTo(Duration.ofMinutes(20));
        assertThat(p.stage(1).pause().indefinite()).isTrue();
        assertThat(p.stage(1).requiresApproval()).isTrue();
        assertThat(p.stage(2).minDuration()).isEqualTo(Duration.ofSeconds(90));
        assertThat(p.stage(3).type()).isEqualTo(StageType.FULL);
    }

    @Test
    void stepsInsideARollgatePolicyUseItsGates() {
        RolloutPolicy p = valid("""
                rollout_gates:
                  min_data_points_per_metric: 30
                steps:
                  - setWeight: 20
                  - pause: {duration: 1h}
                  - setWeight: 100
                """);
        assertThat(p.stages()).extracting(Stage::weight).containsExactly(20, 100);
        assertThat(p.stage(0).analysis().minDataPointsPerMetric()).isEqualTo(30);
    }

    @Test
    void explicitStagesGiveFullControl() {
        RolloutPolicy p = valid("""
                name: payments-agent
                driver: alias
                preflight:
                  topics: [job.payments.refund]
                  bundle: {id: payments/v2}
                  workflow: {id: wf-refund, environment: staging, input: {amount: 10, note: null}}
                  allow_constraints: true
                stages:
                  - name: shadow
                    type: shadow
                    duration: 30m
                  - name: tiny
                    type: canary
                    weight: 5
                    duration: 2h
                    interval: 30m
                    min_data_points_per_metric: 10
                    score: {pass: 90, marginal: 70}
                    approval: always
                    rollback_triggers: {max_error_rate_delta: 1.5}
                  - name: half
                    type: canary
                    weight: 50
                    pause: {}
                    gates: {stable_latency: true, max_policy_deny_rate: 0.02}
                  - name: full
                    type: full
                    duration: 4h
                """);
        assertThat(p.name()).isEqualTo("payments-agent");
        assertThat(p.preflight().topics()).containsExactly("job.payments.refund");
        assertThat(p.preflight().bundle()).hasValueSatisfying(b -> assertThat(b.id()).isEqualTo("payments/v2"));
        assertThat(p.preflight().workflow()).hasValueSatisfying(w -> {
            assertThat(w.environment()).contains("staging");
            assertThat(w.input()).containsKey("note");
        });
        assertThat(p.preflight().allowConstraints()).isTrue();
        Stage tiny = p.stage(1);
        assertThat(tiny.weight()).isEqualTo(5);
        assertThat(tiny.analysis().interval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(tiny.analysis().minDataPointsPerMetric()).isEqualTo(10);
        assertThat(tiny.approval()).isEqualTo(ApprovalMode.ALWAYS);
        assertThat(tiny.triggers().maxErrorRateRatio()).contains(1.5);
        Stage half = p.stage(2);
        assertThat(half.requiresApproval()).isTrue();
        assertThat(half.gate().stableLatency()).isTrue();
        assertThat(half.gate().maxPolicyDenyRate()).contains(0.02);
        assertThat(p.stage(3).minDuration()).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void metricsAndCustomMetricsAreDeclared() {
        RolloutPolicy p = valid("""
                metrics:
                  - name: error_rate
                    critical: true
                  - name: latency_p99
                    allowed_effect: 0.1
                    weight: 2
                custom_metrics:
                  - name: eval_score
                    kind: score
                    direction: decrease
                    critical: true
                    rollback_below: 0.7
                  - name: tool_call_rejections
                    kind: count
                    direction: increase
                    rollback_above: 0.02
                metric_groups:
                  latency: 2
                  quality: 3
                """);
        assertThat(p.metrics()).extracting(MetricSpec::name)
                .containsExactly("error_rate", "latency_p99", "eval_score", "tool_call_rejections");
        assertThat(p.metric("latency_p99")).hasValueSatisfying(m -> {
            assertThat(m.allowedEffect()).isEqualTo(0.1);
            assertThat(m.weight()).isEqualTo(2);
        });
        assertThat(p.metric("eval_score")).hasValueSatisfying(m -> {
            assertThat(m.direction()).isEqualTo(Direction.DECREASE);
            assertThat(m.critical()).isTrue();
        });
        assertThat(p.customMetrics()).extracting(CustomMetricSpec::kind)
                .containsExactly(CustomMetricSpec.Kind.SCORE, CustomMetricSpec.Kind.COUNT);
        assertThat(p.groupWeights()).containsEntry("latency", 2.0).containsEntry("quality", 3.0)
                .containsEntry("errors", 1.0);
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() {
        List<PolicyError> errors = invalid("""
                driver: lambda
                rollout_gates:
                  min_data_points_per_metric: -1
                  score: {pass: 50, marginal: 80}
                bogus: 1
                """);
        assertThat(errors).extracting(PolicyError::path)
                .contains("driver", "rollout_gates.min_data_points_per_metric", "rollout_gates.score.pass", "bogus");
        assertThat(errors).extracting(PolicyError::line).contains(1, 3, 4, 5);
    }

    @Test
    void quotedNumberIsAWrongTypeNotSilentlyConverted() {
        List<PolicyError> errors = invalid("""
                rollout_gates:
                  min_data_points_per_metric: "50"
                """);
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("rollout_gates.min_data_points_per_metric");
            assertThat(e.message()).contains("expected a whole number");
        });
    }

    @Test
    void duplicateKeysAreReported() {
        List<PolicyError> errors = invalid("""
                driver: alias
                driver: codedeploy
                """);
        assertThat(errors).anySatisfy(e -> assertThat(e.message()).contains("duplicate key 'driver'"));
    }

    @Test
    void emptyAndMultiDocumentInputsAreInvalid() {
        assertThat(invalid("")).singleElement().satisfies(e -> assertThat(e.message()).contains("empty"));
        assertThat(invalid("driver: alias\n---\ndriver: alias\n")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("one policy per file"));
        assertThat(invalid("- 1\n- 2\n")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("a policy is a mapping"));
    }

    @Test
    void codeDeployAcceptsOneCanaryWithinItsInterval() {
        RolloutPolicy p = valid("""
                driver: codedeploy
                stages:
                  - {name: shadow, type: shadow}
                  - {name: canary, type: canary, weight: 10, duration: 48h}
                  - {name: full, type: full}
                """);
        assertThat(p.driver()).isEqualTo(TrafficDriverKind.CODEDEPLOY);
        assertThat(p.stage(1).minDuration()).isEqualTo(Duration.ofMinutes(2880));
    }

    @Test
    void defaultPlanNeedsNoKeysAtAll() {
        RolloutPolicy p = valid("name: minimal\n");
        assertThat(p.stages()).extracting(Stage::weight).containsExactly(0, 10, 50, 100);
        assertThat(p.metrics()).isNotEmpty();
    }

    private static RolloutPolicy valid(String yaml) {
        PolicyParseResult result = PolicyParser.parse(yaml);
        assertThat(result).as(() -> result.toString()).isInstanceOf(PolicyParseResult.Valid.class);
        return ((PolicyParseResult.Valid) result).policy();
    }

    private static List<PolicyError> invalid(String yaml) {
        PolicyParseResult result = PolicyParser.parse(yaml);
        assertThat(result).as(() -> result.toString()).isInstanceOf(PolicyParseResult.Invalid.class);
        return ((PolicyParseResult.Invalid) result).errors();
    }
}
