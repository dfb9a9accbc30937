package dev.rollgate.core.judge;

import dev.rollgate.core.policy.CustomMetricSpec;
import dev.rollgate.core.policy.Direction;
import dev.rollgate.core.policy.MetricSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A comparative sequential test of one judged count family (canary rate against baseline rate), the custom
 * counterpart of the error-rate ratio trigger. Its threshold is the family's allowed effect read as a rate ratio,
 * the way {@code max_error_rate_delta} is one: {@code increase} is worse above {@code 1 + allowed_effect},
 * {@code decrease} worse below {@code 1 - allowed_effect}. A decrease is tested as the swapped ratio
 * (baseline/canary above {@code 1 / (1 - allowed_effect)}), so both sides use the same one-sided test.
 *
 * @param family    the count family's name
 * @param worse     the side tested ({@link Direction#INCREASE} or {@link Direction#DECREASE})
 * @param threshold the canary/baseline rate ratio the test is built to catch (above 1 for an increase, below 1 for a
 *                  decrease)
 */
public record CountRatioTest(String family, Direction worse, double threshold) {

    /**
     * The tests the policy asks for: one per judged count family and worse side ({@code either} gives two). A
     * decrease with an allowed effect of 1 or more cannot happen (a rate cannot fall below 0), and the rank test
     * cannot fail it either, so it has no test and costs no alpha.
     */
    public static List<CountRatioTest> of(List<CustomMetricSpec> custom, List<MetricSpec> judged) {
        Map<String, MetricSpec> byName = judged.stream()
                .collect(Collectors.toMap(MetricSpec::name, Function.identity(), (a, b) -> a));
        List<CountRatioTest> tests = new ArrayList<>();
        for (CustomMetricSpec family : custom) {
            MetricSpec spec = byName.get(family.name());
            if (family.kind() != CustomMetricSpec.Kind.COUNT || spec == null) {
                continue;
            }
            if (spec.direction() != Direction.DECREASE) {
                tests.add(new CountRatioTest(family.name(), Direction.INCREASE, 1 + spec.allowedEffect()));
            }
            if (spec.direction() != Direction.INCREASE && spec.allowedEffect() < 1) {
                tests.add(new CountRatioTest(family.name(), Direction.DECREASE, 1 - spec.allowedEffect()));
            }
        }
        return List.copyOf(tests);
    }

    /** The threshold as {@link SequentialRateTest#ratio} takes it: worse-variant rate over better-variant rate. */
    double testedRatio() {
        return worse == Direction.DECREASE ? 1 / threshold : threshold;
    }
}
