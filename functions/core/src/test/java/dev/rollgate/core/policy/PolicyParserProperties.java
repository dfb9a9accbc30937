package dev.rollgate.core.policy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever text arrives, the parser answers with a policy or located errors, never an exception. */
class PolicyParserProperties {
    private static final List<String> VALID_LINES = List.of(
            "driver: alias", "rollout_gates:", "  min_data_points_per_metric: 50", "  canary_lifetime_hours: 3",
            "  score:", "    pass: 95", "    marginal: 75", "stages:", "  - name: canary", "    type: canary",
            "    weight: 10", "    pause: {duration: 20m}", "  - name: full", "    type: full", "steps:",
            "  - setWeight: 10", "  - pause: {}", "metrics:", "  - name: error_rate", "preflight:",
            "  topics: [job.a]");
    private static final List<String> NOISE = List.of("", "-", ":", "{", "]", "\"", "'", "&a", "*a", "!!int",
            "-5", "1e999", ".nan", "~", "\t", "@", "%", "100", "true", "x: [1, {y: 2}]", "!Ref Foo");

    @Property(tries = 300)
    void arbitraryLineSoupNeverThrows(@ForAll("lineSoup") String yaml) {
        PolicyParseResult result = PolicyParser.parse(yaml);
        if (result instanceof PolicyParseResult.Invalid invalid) {
            assertThat(invalid.errors()).allSatisfy(e -> {
                assertThat(e.path()).isNotBlank();
                assertThat(e.message()).isNotBlank();
                assertThat(e.line()).isGreaterThanOrEqualTo(0);
            });
        } else {
            assertThat(((PolicyParseResult.Valid) result).policy().stages()).isNotEmpty();
        }
    }

    @Property(tries = 200)
    void anInvalidWeightIsAlwaysReportedAtItsLine(@ForAll("badWeights") String weight) {
        String yaml = "stages:\n  - name: c\n    type: canary\n    weight: " + weight + "\n  - name: f\n    type: full\n";
        PolicyParseResult result = PolicyParser.parse(yaml);
        assertThat(result).isInstanceOf(PolicyParseResult.Invalid.class);
        assertThat(((PolicyParseResult.Invalid) result).errors())
                .anySatisfy(e -> {
                    assertThat(e.path()).isEqualTo("stages[0].weight");
                    assertThat(e.line()).isEqualTo(4);
                });
    }

    @Provide
    Arbitrary<String> lineSoup() {
        Arbitrary<String> line = Arbitraries.oneOf(Arbitraries.of(VALID_LINES), Arbitraries.of(NOISE),
                Arbitraries.strings().withChars("ab:-{}[] 0123456789#\"'").ofMaxLength(12));
        return line.list().ofMaxSize(14).map(lines -> String.join("\n", lines));
    }

    @Provide
    Arbitrary<String> badWeights() {
        return Arbitraries.oneOf(Arbitraries.integers().between(-1000, 0).map(String::valueOf),
                Arbitraries.integers().between(100, 100_000).map(String::valueOf),
                Arbitraries.of("ten", "\"10\"", "10.5", "[10]", "{w: 10}", "true", "~"));
    }
}
