import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One cold-start sample of infra/bench-coldstart.sh, run in a fresh JVM with the handler's jar on the class path:
 * constructs the handler as the Lambda Java runtime does (by name, no-argument constructor), invokes it once with
 * the first event (the cold invocation) and once with the second (warm), and prints one line to stderr:
 * {@code COLDSTART cold_ms=<launch to first completed invocation> first_ms=<first invocation alone>
 * warm_ms=<second invocation>}. With a sixth argument {@code primed}, rollgate's SnapStart priming runs before the
 * first invocation, so {@code first_ms} approximates the first invocation after a snapshot restore.
 *
 * <p>Usage: {@code ColdStartProbe <launch epoch ns> <handler class> <evaluate|ingest|reference> <event 1> <event 2>
 * [primed]};
 * an evaluate event is {@code rolloutId:stageIndex}, an ingest event a file with the window detail (JSON, parsed
 * with the jar's Jackson as the runtime's serialiser would), a reference event the item id.
 */
public final class ColdStartProbe {
    private ColdStartProbe() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        long launchNanos = Long.parseLong(args[0]);
        String kind = args[2];
        RequestHandler<Map<String, Object>, Map<String, Object>> handler =
                (RequestHandler<Map<String, Object>, Map<String, Object>>) Class.forName(args[1])
                        .getConstructor().newInstance();
        if (args.length > 5 && args[5].equals("primed")) {
            // What SnapStart's before-checkpoint hook runs; the first invocation after it approximates the first
            // one after a restore (without the restore itself).
            Class.forName("dev.rollgate.lambda.runtime.SnapStartPriming").getMethod("primeNow").invoke(null);
        }
        Map<String, Object> firstEvent = event(kind, args[3]);
        long firstStart = System.nanoTime();
        Object first = handler.handleRequest(firstEvent, context());
        long firstMillis = (System.nanoTime() - firstStart) / 1_000_000;
        long coldMillis = System.currentTimeMillis() - launchNanos / 1_000_000;
        Map<String, Object> second = event(kind, args[4]);
        long warmStart = System.nanoTime();
        Object again = handler.handleRequest(second, context());
        long warmMillis = (System.nanoTime() - warmStart) / 1_000_000;
        System.err.println("COLDSTART cold_ms=" + coldMillis + " first_ms=" + firstMillis + " warm_ms=" + warmMillis
                + " first=" + first + " second=" + again);
    }

    private static Map<String, Object> event(String kind, String arg) throws Exception {
        Map<String, Object> event = new LinkedHashMap<>();
        switch (kind) {
            case "evaluate" -> {
                String[] parts = arg.split(":");
                event.put("rolloutId", parts[0]);
                event.put("stageIndex", Integer.parseInt(parts[1]));
                event.put("kind", "INTERVAL");
            }
            case "ingest" -> {
                Class<?> mapper = Class.forName("com.fasterxml.jackson.databind.ObjectMapper");
                Object json = mapper.getConstructor().newInstance();
                Object detail = mapper.getMethod("readValue", String.class, Class.class).invoke(json,
                        Files.readString(Path.of(arg), StandardCharsets.UTF_8), Map.class);
                event.put("detail-type", "rollgate.metric-window");
                event.put("source", "agent.metrics");
                event.put("detail", detail);
            }
            case "reference" -> event.put("id", arg);
            default -> throw new IllegalArgumentException("unknown event kind " + kind);
        }
        return event;
    }

    private static Context context() {
        String requestId = UUID.randomUUID().toString();
        return new Context() {
            @Override
            public String getAwsRequestId() {
                return requestId;
            }

            @Override
            public String getLogGroupName() {
                return "/aws/lambda/coldstart";
            }

            @Override
            public String getLogStreamName() {
                return "coldstart";
            }

            @Override
            public String getFunctionName() {
                return "coldstart";
            }

            @Override
            public String getFunctionVersion() {
                return "1";
            }

            @Override
            public String getInvokedFunctionArn() {
                return "arn:aws:lambda:us-east-1:123456789012:function:coldstart:live";
            }

            @Override
            public CognitoIdentity getIdentity() {
                return null;
            }

            @Override
            public ClientContext getClientContext() {
                return null;
            }

            @Override
            public int getRemainingTimeInMillis() {
                return 60_000;
            }

            @Override
            public int getMemoryLimitInMB() {
                return 1024;
            }

            @Override
            public LambdaLogger getLogger() {
                return new LambdaLogger() {
                    @Override
                    public void log(String message) {
                        System.out.print(message);
                    }

                    @Override
                    public void log(byte[] message) {
                        System.out.write(message, 0, message.length);
                    }
                };
            }
        };
    }
}
