package dev.rollgate.lambda.logging;

import dev.rollgate.lambda.runtime.Invocation;
import dev.rollgate.lambda.runtime.LambdaContextFixture;
import dev.rollgate.lambda.runtime.Telemetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Main of a fresh JVM started by {@link SlimJarLoggingIT}: logs what rollgate's handlers log, through the real
 * invocation frame ({@link Invocation#run}: Powertools' logging context, the rollout id in MDC), at each level,
 * from a rollgate logger and from another library's logger, with and without an exception, and a failing
 * invocation. Whatever the JVM's logging configuration makes of it is the output the test compares.
 */
public final class LoggingProbe {
    private static final Logger ROLLGATE = LoggerFactory.getLogger("dev.rollgate.lambda.probe");
    private static final Logger LIBRARY = LoggerFactory.getLogger("software.amazon.awssdk.probe");
    private static final Telemetry NO_METRICS = (handler, outcome, millis) -> {
    };

    private LoggingProbe() {
    }

    public static void main(String[] args) {
        Invocation.run("probe", new LambdaContextFixture(), NO_METRICS, () -> {
            Invocation.rollout("r-probe");
            ROLLGATE.debug("not shown at INFO");
            ROLLGATE.info("stage {} observed", 2);
            ROLLGATE.warn("weight {} is \"high\"\n(second line)", 50);
            ROLLGATE.error("judge failed", new IllegalStateException("no baseline", new ArithmeticException("nan")));
            LIBRARY.info("a library's INFO is below the root's WARN");
            LIBRARY.warn("a library's WARN is shown");
            return new Invocation.Result(Map.of(), "OBSERVE");
        });
        try {
            Invocation.run("probe", new LambdaContextFixture(), NO_METRICS, () -> {
                throw new IllegalArgumentException("bad input");
            });
        } catch (IllegalArgumentException expected) {
            ROLLGATE.info("the failing invocation rethrew: {}", expected.getMessage());
        }
    }
}
