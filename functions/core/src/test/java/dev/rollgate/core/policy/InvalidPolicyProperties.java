package dev.rollgate.core.policy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invalid policies made by mutating valid ones (wrong types, out-of-range numbers, unknown keys, broken YAML, deep
 * nesting, huge documents): the parser always answers with errors that name a path and a line, in words, never
 * with an exception or a stack trace.
 */
class InvalidPolicyProperties {
    private static final List<String> VALID = List.of("""
            name: gates
            driver: alias
            rollout_gates:
              min_data_points_per_metric: 50
              canary_lifetime_hours: 3
              metric_interval_hours: 1
              bake_hours: 12
              score:
                pass: 95
                marginal: 75
              rollback_triggers:
                max_error_rate_delta: 2.0
                max_policy_deny_rate: 0.03
                max_approval_backlog: 20
                alpha: 0.05
            """, """
            name: explicit
            preflight:
              topics: [job.support.reply]
            stages:
              - name: shadow
                type: shadow
                duration: 30m
              - name: canary-1
                type: canary
                weight: 10
                duration: 2h
                min_data_points_per_metric: 40
                approval: on_marginal
              - name: canary-2
                type: canary
                weight: 50
                duration: 2h
              - name: full
                type: full
                weight: 100
                duration: 1h
            """, """
            apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            metadata:
              name: support-agent
            spec:
              strategy:
                canary:
                  steps:
                    - setWeight: 10
                    - pause: {duration: 20m}
                    - setWeight: 50
                    - pause: {}
            """);
    private static final Pattern SCALAR_LINE = Pattern.compile("^(\\s*(?:- )?)([A-Za-z_]+): ([^\\[{].*)$");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    /** One mutation: the text and the 1-based line the error must name (0: any line). */
    record Mutant(String kind, String yaml, int line, String pathEnd) {
        @Override
        public String toString() {
            return kind + " at line " + line + ":\n" + yaml;
        }
    }

    @Provide
    Arbitrary<Mutant> mutants() {
        return Arbitraries.oneOf(wrongTypes(), negativeNumbers(), unknownKeys(), brokenYaml(), deepNesting(),
                hugeDocuments());
    }

    @Property(tries = 150)
    void everyMutantGetsLocatedReadableErrors(@ForAll("mutants") Mutant mutant) {
        PolicyParseResult result = PolicyParser.parse(mutant.yaml());

        assertThat(result).as(mutant.toString()).isInstanceOf(PolicyParseResult.Invalid.class);
        List<PolicyError> errors = ((PolicyParseResult.Invalid) result).errors();
        int lines = mutant.yaml().split("\n", -1).length;
        assertThat(errors).isNotEmpty().allSatisfy(e -> {
            assertThat(e.path()).isNotBlank();
            assertThat(e.line()).isBetween(0, lines + 1);
            assertThat(e.message()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ")
                    .doesNotContain("java.").doesNotContainIgnoringCase("snakeyaml");
            assertThat(e.message().length()).isLessThan(400);
        });
        if (mutant.line() > 0) {
            assertThat(errors).as(mutant.toString()).anySatisfy(e -> {
                assertThat(e.line()).isEqualTo(mutant.line());
                assertThat(e.path()).endsWith(mutant.pathEnd());
            });
        }
    }

    /** Lines of a valid policy that hold {@code key: scalar}, as (policy index, line index). */
    private static List<int[]> scalarLines(boolean numbersOnly) {
        List<int[]> out = new ArrayList<>();
        for (int p = 0; p < VALID.size(); p++) {
            String[] lines = VALID.get(p).split("\n");
            for (int i = 0; i < lines.length; i++) {
                Matcher m = SCALAR_LINE.matcher(lines[i]);
                if (m.matches() && (!numbersOnly || NUMBER.matcher(m.group(3).trim()).matches())
                        && !m.group(2).equals("apiVersion") && !m.group(2).equals("kind")) {
                    out.add(new int[] {p, i});
                }
            }
        }
        return out;
    }

    private static String replaceLine(String yaml, int index, String newLine) {
        String[] lines = yaml.split("\n", -1);
        lines[index] = newLine;
        return String.join("\n", lines);
    }

    private static String insertAfter(String yaml, int index, String newLine) {
        List<String> lines = new ArrayList<>(List.of(yaml.split("\n", -1)));
        lines.add(index + 1, newLine);
        return String.join("\n", lines);
    }

    private static Matcher scalar(int[] at) {
        Matcher m = SCALAR_LINE.matcher(VALID.get(at[0]).split("\n")[at[1]]);
        if (!m.matches()) {
            throw new IllegalStateException("not a scalar line");
        }
        return m;
    }

    private Arbitrary<Mutant> wrongTypes() {
        return Combinators.combine(Arbitraries.of(scalarLines(false)),
                Arbitraries.of("{zz: 1}", "[1, 2]", "{}", "[]")).as((at, value) -> {
                    Matcher m = scalar(at);
                    String yaml = replaceLine(VALID.get(at[0]), at[1], m.group(1) + m.group(2) + ": " + value);
                    return new Mutant("wrong type", yaml, at[1] + 1, m.group(2));
                });
    }

    private Arbitrary<Mutant> negativeNumbers() {
        return Combinators.combine(Arbitraries.of(scalarLines(true)),
                Arbitraries.of("-1", "-0.5", "-100000", "-1e9")).as((at, value) -> {
                    Matcher m = scalar(at);
                    String yaml = replaceLine(VALID.get(at[0]), at[1], m.group(1) + m.group(2) + ": " + value);
                    return new Mutant("negative number", yaml, at[1] + 1, m.group(2));
                });
    }

    private Arbitrary<Mutant> unknownKeys() {
        return Combinators.combine(Arbitraries.of(scalarLines(false)),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3).ofMaxLength(12)).as((at, name) -> {
                    Matcher m = scalar(at);
                    String key = "zz_" + name;
                    String indent = " ".repeat(m.group(1).length());
                    String yaml = insertAfter(VALID.get(at[0]), at[1], indent + key + ": 1");
                    return new Mutant("unknown key", yaml, at[1] + 2, key);
                });
    }

    private Arbitrary<Mutant> brokenYaml() {
        return Combinators.combine(Arbitraries.integers().between(0, VALID.size() - 1),
                Arbitraries.integers().between(0, 8),
                Arbitraries.of("key: \"unterminated", "  - : [", "\tname: tab", "a: b: c", "{", "]", "- [1, 2",
                        "*undefined_alias", "&a [*a]", "!!python/object:os.system ls", "---\nsecond: doc",
                        "key: 'x", "? complex\n: key")).as((p, i, junk) -> {
                    String[] lines = VALID.get(p).split("\n");
                    int at = Math.min(i, lines.length - 1);
                    return new Mutant("broken YAML", insertAfter(VALID.get(p), at, junk), 0, "");
                });
    }

    private Arbitrary<Mutant> deepNesting() {
        return Combinators.combine(Arbitraries.of(scalarLines(false)), Arbitraries.integers().between(20, 3_000),
                Arbitraries.of("[", "{a: ")).as((at, depth, open) -> {
                    Matcher m = scalar(at);
                    String close = open.equals("[") ? "]" : "}";
                    String value = open.repeat(depth) + "1" + close.repeat(depth);
                    String yaml = replaceLine(VALID.get(at[0]), at[1], m.group(1) + m.group(2) + ": " + value);
                    return new Mutant("deep nesting (" + depth + ")", yaml, 0, "");
                });
    }

    private Arbitrary<Mutant> hugeDocuments() {
        return Combinators.combine(Arbitraries.integers().between(0, VALID.size() - 1),
                Arbitraries.of("# a comment line that pads the policy to an unreasonable size\n",
                        "  - name: s\n    type: canary\n    weight: 10\n", "x" )).as((p, filler) -> {
                    String padding = filler.repeat(PolicyParserLimits.HUGE / filler.length());
                    return new Mutant("huge document", VALID.get(p) + padding, 0, "");
                });
    }

    /** Sizes for the huge-document mutation. */
    static final class PolicyParserLimits {
        static final int HUGE = dev.rollgate.core.policy.parse.PolicyDocumentReader.MAX_DOCUMENT_CHARS + 1;

        private PolicyParserLimits() {
        }
    }
}
