import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One "logging only" sample of infra/bench-coldstart.sh, run in a fresh JVM with the handler jar on the class path:
 * starts the handlers' logging stack (SLF4J, Log4j with the jar's configuration and plugin cache, the Powertools
 * JSON template layout) and writes one line, nothing else. Its time from JVM launch shows how much of a handler's
 * cold start is logging start-up, beside the reference that does not log at all.
 *
 * <p>Usage: {@code LoggingStartProbe <launch epoch ns>}; prints {@code COLDSTART cold_ms=<launch to the line written>
 * first_ms=<creating the logger and writing the line> warm_ms=<a second line>} to stderr (the line itself goes to
 * stdout).
 */
public final class LoggingStartProbe {
    private LoggingStartProbe() {
    }

    public static void main(String[] args) {
        long launchNanos = Long.parseLong(args[0]);
        long start = System.nanoTime();
        Logger log = LoggerFactory.getLogger("dev.rollgate.lambda.runtime.LoggingStartProbe");
        log.warn("logging started");
        long firstMillis = (System.nanoTime() - start) / 1_000_000;
        long coldMillis = System.currentTimeMillis() - launchNanos / 1_000_000;
        long again = System.nanoTime();
        log.warn("second line");
        long warmMillis = (System.nanoTime() - again) / 1_000_000;
        System.err.println("COLDSTART cold_ms=" + coldMillis + " first_ms=" + firstMillis + " warm_ms=" + warmMillis);
    }
}
