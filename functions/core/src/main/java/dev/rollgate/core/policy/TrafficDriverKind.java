package dev.rollgate.core.policy;

/**
 * How traffic is moved. {@code ALIAS} sets a Lambda alias routing config per stage and supports any number
 * of stages; {@code CODEDEPLOY} runs one TimeBasedCanary deployment, which has exactly two traffic levels.
 */
public enum TrafficDriverKind {
    ALIAS,
    CODEDEPLOY;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
