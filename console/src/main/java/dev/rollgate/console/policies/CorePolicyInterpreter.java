package dev.rollgate.console.policies;

import dev.rollgate.core.policy.PolicyError;
import dev.rollgate.core.policy.PolicyExplainer;
import dev.rollgate.core.policy.PolicyParseResult;
import dev.rollgate.core.policy.PolicyParser;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The core's policy parser and explainer, the same code the CLI runs. Readings are cached by text because every
 * list row and detail refresh reads the policy its rollout was started with, and those texts never change.
 */
@Component
public class CorePolicyInterpreter implements PolicyInterpreter {
    private static final int CACHE_SIZE = 256;

    private final Map<String, PolicyReading> cache = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, PolicyReading> eldest) {
                    return size() > CACHE_SIZE;
                }
            });

    @Override
    public PolicyReading read(String yaml, String defaultName) {
        String key = defaultName + "\u0000" + yaml;
        PolicyReading cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        PolicyReading reading = interpret(yaml, defaultName);
        cache.put(key, reading);
        return reading;
    }

    private static PolicyReading interpret(String yaml, String defaultName) {
        PolicyParseResult result = PolicyParser.parse(yaml, defaultName);
        if (result instanceof PolicyParseResult.Valid valid) {
            List<String> lines = new ArrayList<>();
            lines.add(PolicyExplainer.summary(valid.policy()));
            lines.addAll(PolicyExplainer.lines(valid.policy()));
            return new PolicyReading.Valid(valid.policy(), lines);
        }
        return new PolicyReading.Invalid(((PolicyParseResult.Invalid) result).errors().stream()
                .map(PolicyError::toString).toList());
    }
}
