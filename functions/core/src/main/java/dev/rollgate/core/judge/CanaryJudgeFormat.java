package dev.rollgate.core.judge;

import dev.rollgate.core.policy.PolicyFormat;

import java.math.BigDecimal;
import java.math.MathContext;

/** Number formatting for explanations: four significant digits, no trailing zeros. */
final class CanaryJudgeFormat {
    private CanaryJudgeFormat() {
    }

    static String num(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return "0";
        }
        return PolicyFormat.number(new BigDecimal(value).round(new MathContext(4)).doubleValue());
    }
}
