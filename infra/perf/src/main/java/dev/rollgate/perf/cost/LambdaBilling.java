package dev.rollgate.perf.cost;

/**
 * The duration billed per invocation: the larger of the measured 95th percentile (in-process, warm JVM, against
 * moto) and an assumed floor. The floor stands for what the local run does not do: the Lambda runtime's JSON
 * round trip, structured logging and EMF metrics, the lifecycle event's PutEvents, C1-only JIT
 * ({@code JAVA_TOOL_OPTIONS} in template.yaml) and a real network to DynamoDB.
 */
public final class LambdaBilling {
    public static final double ASSUMED_FLOOR_MILLIS = 100;

    private LambdaBilling() {
    }

    public static double billedMillis(FunctionStats stats) {
        return Math.ceil(Math.max(stats.p95Millis(), ASSUMED_FLOOR_MILLIS));
    }

    public static double gbSeconds(FunctionStats stats, int memoryMb) {
        return stats.invocations() * billedMillis(stats) / 1000.0 * memoryMb / 1024.0;
    }
}
