package dev.rollgate.sandbox;

import dev.rollgate.core.simulation.Scenario;
import dev.rollgate.statemachine.local.ScenarioTraffic.Behaviour;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The sandbox's named scenarios and what the simulated candidate does in each. */
public enum DemoScenario {
    HEALTHY(Behaviour.of(Scenario.HEALTHY)),
    ERROR_SPIKE(Behaviour.from(Scenario.ERROR_RATE_DOUBLED, 1)),
    LATENCY(Behaviour.from(Scenario.LATENCY_PLUS_50, 1)),
    DENY_DRIFT(Behaviour.from(Scenario.DENY_DRIFT, 1)),
    OVERLOAD(new Behaviour(Scenario.HEALTHY, 2, false, true)),
    MARGINAL(Behaviour.from(Scenario.MARGINAL, 1)),
    LOW_TRAFFIC(Behaviour.of(Scenario.LOW_TRAFFIC));

    private final Behaviour behaviour;

    DemoScenario(Behaviour behaviour) {
        this.behaviour = behaviour;
    }

    public Behaviour behaviour() {
        return behaviour;
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<DemoScenario> parse(String name) {
        return Arrays.stream(values()).filter(s -> s.cliName().equals(name)).findFirst();
    }

    public static String names() {
        return Arrays.stream(values()).map(DemoScenario::cliName).collect(Collectors.joining("|"));
    }
}
