package dev.rollgate.lambda.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import dev.rollgate.core.state.StateAccessException;
import dev.rollgate.core.workflow.ContentionException;
import dev.rollgate.core.workflow.TrafficNotSettledException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The frame around every handler call: Powertools logging context (request id, cold start, function name) and
 * the rollout id on every log line via MDC, one metric record per call, and the mapping of transient failures to
 * {@link Rollgate.Retryable} so the state machine retries them instead of rolling back.
 */
public final class Invocation {
    public static final String ROLLOUT_ID_KEY = "rolloutId";
    private static final Logger LOG = LoggerFactory.getLogger(Invocation.class);

    /** What a handler returns and the outcome recorded for it. */
    public record Result(Map<String, Object> output, String outcome) {
    }

    private Invocation() {
    }

    public static Map<String, Object> run(String handler, Context context, Telemetry telemetry,
                                          Supplier<Result> body) {
        long started = System.nanoTime();
        Supplier<Map<String, Object>> framed = () -> {
            try {
                Result result = body.get();
                long millis = (System.nanoTime() - started) / 1_000_000;
                LOG.info("{} finished: {} in {} ms", handler, result.outcome(), millis);
                telemetry.invocation(handler, result.outcome(), millis);
                return result.output();
            } catch (RuntimeException e) {
                telemetry.invocation(handler, "ERROR", (System.nanoTime() - started) / 1_000_000);
                throw translate(handler, e);
            } finally {
                MDC.remove(ROLLOUT_ID_KEY);
            }
        };
        return context == null ? framed.get() : PowertoolsLogging.withLogging(context, framed);
    }

    /** Puts the rollout id on every following log line of this invocation. */
    public static void rollout(String rolloutId) {
        MDC.put(ROLLOUT_ID_KEY, rolloutId);
    }

    private static RuntimeException translate(String handler, RuntimeException e) {
        if (e instanceof ContentionException || e instanceof StateAccessException
                || e instanceof TrafficNotSettledException) {
            LOG.warn("{} failed transiently, the workflow retries: {}", handler, e.getMessage());
            return new Rollgate.Retryable(handler + ": " + e.getMessage(), e);
        }
        if (e instanceof InvalidInputException || e instanceof ConfigurationException) {
            LOG.error("{} refused its input or configuration: {}", handler, e.getMessage());
        } else {
            LOG.error("{} failed", handler, e);
        }
        return e;
    }
}
