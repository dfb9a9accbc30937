package dev.rollgate.core.metrics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.rollgate.core.policy.CustomMetricSpec;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WindowParserTest {
    private static final String VALID = "{\"variant\":\"canary\",\"windowStart\":\"2026-11-27T10:00:00Z\","
            + "\"windowSeconds\":60,\"requests\":600,\"errors\":3,"
            + "\"latencyMs\":{\"p50\":120.5,\"p90\":340.0,\"p99\":910.0},\"policyEvaluations\":580,\"policyDenies\":6,"
            + "\"safetyDenies\":0,\"parseFailures\":0,\"schemaViolations\":0,\"approvalBacklog\":2,"
            + "\"reasonCodes\":{\"pool_overloaded\":0,\"no_workers\":0},\"criticalIncidents\":0}";

    private final WindowParser parser = new WindowParser();

    private static String with(String replaceFrom, String replaceTo) {
        if (!VALID.contains(replaceFrom)) {
            throw new IllegalArgumentException("fixture does not contain " + replaceFrom);
        }
        return VALID.replace(replaceFrom, replaceTo);
    }

    @Test
    void readsTheDocumentedExampleWithEveryField() {
        WindowParseResult result = parser.parse(VALID);

        assertThat(result.rejections()).isEmpty();
        MetricWindow w = result.windows().get(0);
        assertThat(w.variant()).isEqualTo(Variant.CANARY);
        assertThat(w.windowStart()).isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
        assertThat(w.requests()).isEqualTo(600);
        assertThat(w.errors()).isEqualTo(3);
        assertThat(w.latencyMs()).contains(new LatencyQuantiles(120.5, 340.0, 910.0));
        assertThat(w.policyDenies()).isEqualTo(6);
        assertThat(w.approvalBacklog()).isEqualTo(2);
        assertThat(w.reasonCodes()).containsEntry("pool_overloaded", 0L);
    }

    @Test
    void absentCountersDefaultToZeroAndLatencyMayBeAbsentWithoutRequests() {
        WindowParseResult result = parser.parse(
                "{\"variant\":\"baseline\",\"windowStart\":\"2026-11-27T10:00:00Z\",\"windowSeconds\":60,\"requests\":0}");

        assertThat(result.rejections()).isEmpty();
        MetricWindow w = result.windows().get(0);
        assertThat(w.errors()).isZero();
        assertThat(w.latencyMs()).isEmpty();
        assertThat(w.reasonCodes()).isEmpty();
    }

    @Test
    void windowStartsInEveryUtcSpellingNameTheSameInstant() {
        for (String start : new String[]{"2026-11-27T10:00:00.250Z", "2026-11-27T10:00:00.25+00:00",
                "2026-11-27T10:00:00.250000000z", "2026-11-27T10:00:00.250000Z"}) {
            WindowParseResult result = parser.parse(with("2026-11-27T10:00:00Z", start));

            assertThat(result.rejections()).as(start).isEmpty();
            assertThat(result.windows().get(0).windowStart()).as(start)
                    .isEqualTo(Instant.parse("2026-11-27T10:00:00.250Z"));
        }
    }

    @Test
    void routingFieldsAreAllowedBesideWindowFields() {
        WindowParseResult result = parser.parse(with("{\"variant\"",
                "{\"agent\":\"support-bot\",\"version\":\"42\",\"rolloutId\":\"r-1\",\"variant\""));

        assertThat(result.rejections()).isEmpty();
        assertThat(result.windows().get(0).routing().agent()).contains("support-bot");
        assertThat(result.windows().get(0).routing().rolloutId()).contains("r-1");
    }

    @ParameterizedTest(name = "{3}")
    @CsvSource(delimiter = '|', value = {
            "\"errors\":3|\"errors\":3,\"colour\":1|colour|UNKNOWN_FIELD",
            "\"p99\":910.0|\"p99\":910.0,\"p95\":1|latencyMs.p95|UNKNOWN_FIELD",
            "\"variant\":\"canary\",|''|variant|MISSING_FIELD",
            "\"windowStart\":\"2026-11-27T10:00:00Z\",|''|windowStart|MISSING_FIELD",
            "\"windowSeconds\":60,|''|windowSeconds|MISSING_FIELD",
            "\"requests\":600,|''|requests|MISSING_FIELD",
            "\"latencyMs\":{\"p50\":120.5,\"p90\":340.0,\"p99\":910.0},|''|latencyMs|MISSING_FIELD",
            "\"variant\":\"canary\"|\"variant\":\"blue\"|variant|INVALID_VALUE",
            "\"windowStart\":\"2026-11-27T10:00:00Z\"|\"windowStart\":\"yesterday\"|windowStart|INVALID_VALUE",
            "\"windowStart\":\"2026-11-27T10:00:00Z\"|\"windowStart\":\"2026-11-27T10:00:00+01:00\"|windowStart|INVALID_VALUE",
            "\"windowStart\":\"2026-11-27T10:00:00Z\"|\"windowStart\":\"2026-02-29T10:00:00Z\"|windowStart|INVALID_VALUE",
            "\"windowStart\":\"2026-11-27T10:00:00Z\"|\"windowStart\":\"2026-11-27T10:00:60Z\"|windowStart|INVALID_VALUE",
            "\"windowSeconds\":60|\"windowSeconds\":0|windowSeconds|INVALID_VALUE",
            "\"requests\":600|\"requests\":\"600\"|requests|WRONG_TYPE",
            "\"errors\":3|\"errors\":1.5|errors|WRONG_TYPE",
            "\"errors\":3|\"errors\":-1|errors|NEGATIVE_COUNT",
            "\"approvalBacklog\":2|\"approvalBacklog\":-2|approvalBacklog|NEGATIVE_COUNT",
            "\"pool_overloaded\":0|\"pool_overloaded\":-1|reasonCodes.pool_overloaded|NEGATIVE_COUNT",
            "\"errors\":3|\"errors\":601|errors|ERRORS_EXCEED_REQUESTS",
            "\"policyDenies\":6|\"policyDenies\":581|policyDenies|DENIES_EXCEED_EVALUATIONS",
            "\"p50\":120.5|\"p50\":NaN|latencyMs.p50|NON_FINITE_NUMBER",
            "\"p99\":910.0|\"p99\":Infinity|latencyMs.p99|NON_FINITE_NUMBER",
            "\"p90\":340.0|\"p90\":1e999|latencyMs.p90|NON_FINITE_NUMBER",
            "\"errors\":3|\"errors\":NaN|errors|NON_FINITE_NUMBER",
            "\"p90\":340.0|\"p90\":100.0|latencyMs|QUANTILES_OUT_OF_ORDER",
            "\"p99\":910.0|\"p99\":300.0|latencyMs|QUANTILES_OUT_OF_ORDER",
    })
    void rejectsEachRuleNamingLineFieldAndReason(String from, String to, String field, RejectionReason reason) {
        WindowParseResult result = parser.parse("\n" + with(from, to));

        assertThat(result.windows()).isEmpty();
        assertThat(result.rejections()).anySatisfy(r -> {
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.field()).isEqualTo(field);
            assertThat(r.reason()).isEqualTo(reason);
            assertThat(r.message()).isNotBlank();
        });
    }

    @Test
    void rejectsBrokenJsonAndNonObjectsPerLineAndKeepsGoodLines() {
        WindowParseResult result = parser.parse("{not json\n[1,2]\n" + VALID);

        assertThat(result.windows()).hasSize(1);
        assertThat(result.rejections()).extracting(WindowRejection::line, WindowRejection::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, RejectionReason.MALFORMED_JSON),
                        org.assertj.core.groups.Tuple.tuple(2, RejectionReason.NOT_AN_OBJECT));
    }

    @Test
    void aRepeatedKeyInsideOneObjectIsMalformed() {
        WindowParseResult result = parser.parse(with("\"errors\":3", "\"errors\":3,\"errors\":4"));

        assertThat(result.rejections()).singleElement()
                .extracting(WindowRejection::reason).isEqualTo(RejectionReason.MALFORMED_JSON);
    }

    @Test
    void anIdenticalDuplicateCountsOnce() {
        WindowParseResult result = parser.parse(VALID + "\n" + VALID);

        assertThat(result.rejections()).isEmpty();
        assertThat(result.windows()).hasSize(1);
        assertThat(result.duplicatesIgnored()).isEqualTo(1);
    }

    @Test
    void aDuplicateWithDifferentContentIsRejectedAndTheFirstKept() {
        WindowParseResult result = parser.parse(VALID + "\n" + with("\"errors\":3", "\"errors\":4"));

        assertThat(result.windows()).singleElement().extracting(MetricWindow::errors).isEqualTo(3L);
        assertThat(result.rejections()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.reason()).isEqualTo(RejectionReason.CONFLICTING_DUPLICATE);
            assertThat(r.message()).contains("line 1");
        });
    }

    @Test
    void theSameStartForAnotherVariantIsNoDuplicate() {
        WindowParseResult result = parser.parse(VALID + "\n" + with("\"canary\"", "\"baseline\""));

        assertThat(result.rejections()).isEmpty();
        assertThat(result.windows()).hasSize(2);
    }

    @Test
    void reportsEveryProblemOfALineAndCountsThemPerReason() {
        WindowParseResult result = parser.parse(with("\"errors\":3", "\"errors\":-3,\"extra\":true")
                .replace("\"policyDenies\":6", "\"policyDenies\":-6"));

        assertThat(result.countsByReason()).containsEntry(RejectionReason.NEGATIVE_COUNT, 2)
                .containsEntry(RejectionReason.UNKNOWN_FIELD, 1);
    }

    @Test
    void customFamiliesAreReadAndChecked() {
        WindowParseResult ok = parser.parse(with("\"criticalIncidents\":0", "\"criticalIncidents\":0,\"custom\":"
                + "{\"tool_schema_rejects\":{\"events\":2,\"total\":50},"
                + "\"eval_score\":{\"count\":40,\"mean\":0.8,\"p10\":0.5,\"p50\":0.82,\"p90\":0.95}}"));
        WindowParseResult bad = parser.parse(with("\"criticalIncidents\":0", "\"criticalIncidents\":0,\"custom\":"
                + "{\"tool_schema_rejects\":{\"events\":60,\"total\":50}}"));

        assertThat(ok.rejections()).isEmpty();
        assertThat(ok.windows().get(0).custom()).containsEntry("tool_schema_rejects",
                new CustomMetricValue.CountPair(2, 50));
        assertThat(bad.rejections()).singleElement().satisfies(r -> {
            assertThat(r.field()).isEqualTo("custom.tool_schema_rejects.events");
            assertThat(r.reason()).isEqualTo(RejectionReason.EVENTS_EXCEED_TOTAL);
        });
    }

    @Test
    void withAPolicyUndeclaredCustomFamiliesAndWrongKindsAreRejectedByName() {
        WindowParser declared = new WindowParser(Map.of("tool_call_rejections", CustomMetricSpec.Kind.COUNT,
                "eval_score", CustomMetricSpec.Kind.SCORE));
        String custom = "\"criticalIncidents\":0,\"custom\":{\"tool_call_rejections\":{\"events\":1,\"total\":40},"
                + "\"eval_score\":{\"events\":1,\"total\":2},\"mood\":{\"events\":1,\"total\":2}}";

        WindowParseResult result = declared.parse(with("\"criticalIncidents\":0", custom));

        assertThat(result.windows()).isEmpty();
        assertThat(result.rejections()).extracting(WindowRejection::field, WindowRejection::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("custom.eval_score", RejectionReason.WRONG_TYPE),
                        org.assertj.core.groups.Tuple.tuple("custom.mood", RejectionReason.UNDECLARED_CUSTOM_METRIC));
        assertThat(result.rejections()).anySatisfy(r -> assertThat(r.message()).contains("'mood'"));
    }

    @Test
    void withAPolicyDeclaredFamiliesAreAccepted() {
        WindowParser declared = new WindowParser(Map.of("tool_call_rejections", CustomMetricSpec.Kind.COUNT));

        WindowParseResult result = declared.parse(with("\"criticalIncidents\":0",
                "\"criticalIncidents\":0,\"custom\":{\"tool_call_rejections\":{\"events\":1,\"total\":40}}"));

        assertThat(result.rejections()).isEmpty();
    }

    @Test
    void writtenWindowsReadBackUnchanged() {
        MetricWindow original = parser.parse(VALID).windows().get(0);

        String json = new WindowWriter().toJson(original);

        assertThat(parser.parse(json).windows()).containsExactly(original);
    }
}
