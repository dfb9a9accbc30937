package dev.rollgate.standin;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for Cordum's HTTP API (see CORDUM_API.md), embeddable in tests and runnable on its own
 * ({@link StandInMain}). Cordum endpoints live under {@code /api/v1}; the stand-in's own controls under
 * {@code /__standin} (faults, run status, recorded requests, reset) and take no API key.
 */
public final class CordumStandIn implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(CordumStandIn.class.getName());
    private static final Pattern BUNDLE_SIMULATE = Pattern.compile("/api/v1/policy/bundles/([^/]+)/simulate");
    private static final Pattern DRY_RUN = Pattern.compile("/api/v1/workflows/([^/]+)/dry-run");
    private static final Pattern RUNS = Pattern.compile("/api/v1/workflows/([^/]+)/runs");
    private static final Pattern RUN = Pattern.compile("/api/v1/workflow-runs/([^/]+)");
    private static final Pattern RERUN = Pattern.compile("/api/v1/workflow-runs/([^/]+)/rerun");
    private static final Pattern APPROVAL = Pattern.compile("/api/v1/approvals/([^/]+)/(approve|reject)");
    private static final Pattern ADMIN_RUN_STATUS = Pattern.compile("/__standin/runs/([^/]+)/status");

    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private final StandInConfig config;
    private final HttpServer server;
    private final ExecutorService executor;
    private final FaultSwitch faults = new FaultSwitch();
    private final RateLimiter rateLimiter;
    private final RunStore runs = new RunStore();
    private final PolicyEndpoints policy;
    private final WorkflowEndpoints workflows;
    private final ApprovalEndpoints approvals;
    private final List<RecordedRequest> recorded = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private CordumStandIn(StandInConfig config, InetSocketAddress address) throws IOException {
        this.config = config;
        this.rateLimiter = new RateLimiter(config.rateLimit());
        this.policy = new PolicyEndpoints(json, config);
        this.workflows = new WorkflowEndpoints(json, config, runs);
        this.approvals = new ApprovalEndpoints(json, config.approvals());
        this.runs.reserve(config.runs().reservedIdempotencyKeys());
        this.faults.set(config.faults());
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "cordum-standin-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.server = HttpServer.create(address, 64);
        this.server.setExecutor(executor);
        this.server.createContext("/", this::handle);
        this.server.start();
    }

    /** Starts on {@code address}; port 0 picks a free one (see {@link #port()}). */
    public static CordumStandIn start(StandInConfig config, InetSocketAddress address) {
        try {
            return new CordumStandIn(config, address);
        } catch (IOException e) {
            throw new UncheckedIOException("stand-in cannot listen on " + address, e);
        }
    }

    /** Starts on 127.0.0.1 with an ephemeral port. */
    public static CordumStandIn startOnLoopback(StandInConfig config) {
        return start(config, new InetSocketAddress("127.0.0.1", 0));
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public void setFaults(FaultSettings settings) {
        faults.set(settings);
    }

    public void clearFaults() {
        faults.set(FaultSettings.none());
    }

    /** Every Cordum API request received so far (without credential headers), oldest first. */
    public List<RecordedRequest> requests() {
        return List.copyOf(recorded);
    }

    public List<RecordedRequest> requestsTo(String path) {
        return recorded.stream().filter(r -> r.path().equals(path)).toList();
    }

    public void clearRequests() {
        recorded.clear();
    }

    /** Changes a run's status, e.g. to finish it so the concurrency cap frees up. */
    public boolean setRunStatus(String runId, String status) {
        if (!RunStatuses.ALL.contains(status)) {
            throw new IllegalArgumentException("run status '" + status + "' is not one of " + RunStatuses.ALL);
        }
        return runs.setStatus(runId, status);
    }

    /** The run record as the API would return it, without auth. */
    public Optional<Map<String, Object>> run(String runId) {
        return runs.get(runId).map(RunStore.Run::toJson);
    }

    public int runCount() {
        return runs.size();
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            Request request = Request.read(exchange);
            if (request.path.startsWith("/__standin")) {
                respond(exchange, admin(request));
                return;
            }
            recorded.add(request.record());
            FaultSettings fault = faults.take(request.path);
            if (applyTransportFault(exchange, fault)) {
                return;
            }
            Response response;
            try {
                response = api(request, fault);
            } catch (ApiError e) {
                response = new Response(e.status(), e.body());
            }
            if (fault.malformedJson() && response.status() == 200) {
                writeRaw(exchange, 200, "{\"decision\": \"DECISION_TYPE_ALLOW\", \"reason\": ");
                return;
            }
            respond(exchange, response);
        } catch (IOException | RuntimeException e) {
            // The client may have gone away (timeouts, dropped connections); nothing more to do for this exchange.
            LOG.log(System.Logger.Level.DEBUG, "stand-in exchange ended early: " + e);
        }
    }

    /** Latency, hang, drop and error status faults; true when the request was answered (or dropped) here. */
    private boolean applyTransportFault(HttpExchange exchange, FaultSettings fault) throws IOException {
        if (fault.latencyMillis() > 0) {
            sleep(fault.latencyMillis());
        }
        if (fault.hang()) {
            sleep(fault.hangMillis());
            return true;
        }
        if (fault.drop()) {
            // Closing an exchange before sending headers closes the connection without any answer.
            return true;
        }
        if (fault.status() != null) {
            String code = switch (fault.status()) {
                case 429 -> "rate_limited";
                case 502 -> "upstream_error";
                case 503 -> "unavailable";
                default -> "internal";
            };
            respond(exchange, new Response(fault.status(), new ApiError(fault.status(), code, "injected fault").body()));
            return true;
        }
        return false;
    }

    private void sleep(long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        try {
            while (!closed && System.nanoTime() < end) {
                Thread.sleep(Math.min(50, Math.max(1, (end - System.nanoTime()) / 1_000_000L)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Response api(Request request, FaultSettings fault) {
        if (request.tooLarge) {
            throw new ApiError(413, "body_too_large", "request body too large");
        }
        Caller caller = authenticate(request);
        if (!rateLimiter.tryAcquire(caller.tenant())) {
            throw new ApiError(429, "rate_limited", "rate limit exceeded");
        }
        String path = request.path;
        String method = request.method;
        Matcher m;
        if (method.equals("POST") && (path.equals("/api/v1/policy/simulate") || path.equals("/api/v1/policy/evaluate")
                || path.equals("/api/v1/policy/explain"))) {
            requireAdmin(caller);
            return overrideDecision(policy.simulate(request, caller), fault);
        } else if (method.equals("POST") && (m = BUNDLE_SIMULATE.matcher(path)).matches()) {
            requireAdmin(caller);
            return overrideDecision(policy.simulateBundle(request, caller, m.group(1)), fault);
        } else if (method.equals("POST") && (m = DRY_RUN.matcher(path)).matches()) {
            return workflows.dryRun(request, m.group(1), fault.decision());
        } else if (method.equals("POST") && (m = RUNS.matcher(path)).matches()) {
            return workflows.start(request, caller, m.group(1));
        } else if (method.equals("POST") && (m = RERUN.matcher(path)).matches()) {
            return workflows.rerun(request, caller, m.group(1));
        } else if (method.equals("GET") && (m = RUN.matcher(path)).matches()) {
            return workflows.get(caller, m.group(1));
        } else if (method.equals("GET") && path.equals("/api/v1/approvals")) {
            return approvals.list(request, caller);
        } else if (method.equals("POST") && (m = APPROVAL.matcher(path)).matches()) {
            return approvals.resolve(request, caller, m.group(1), m.group(2).equals("approve"));
        }
        throw new ApiError(404, "not_found", "route not found");
    }

    @SuppressWarnings("unchecked")
    private static Response overrideDecision(Response response, FaultSettings fault) {
        if (!fault.decision().isEmpty() && response.body() instanceof Map<?, ?> body) {
            ((Map<String, Object>) body).put("decision", fault.decision());
        }
        return response;
    }

    private Caller authenticate(Request request) {
        String key = request.header("X-API-Key");
        String authorization = request.header("Authorization");
        if (key.isEmpty() && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            key = authorization.substring(7).trim();
        }
        String presented = key;
        StandInConfig.ApiKey apiKey = config.apiKeys().stream().filter(k -> k.key().equals(presented)).findFirst()
                .orElseThrow(() -> new ApiError(401, "unauthorized", "unauthorized"));
        String tenant = request.header("X-Tenant-ID");
        if (tenant.isEmpty()) {
            if (apiKey.tenant().isEmpty()) {
                throw new ApiError(403, "forbidden", "tenant id required");
            }
            tenant = apiKey.tenant();
        } else if (!apiKey.tenant().isEmpty() && !apiKey.tenant().equals(tenant)) {
            throw new ApiError(403, "forbidden", "tenant access denied");
        }
        String principal = request.header("X-Principal-Id");
        return new Caller(apiKey, tenant, principal.isEmpty() ? apiKey.principal() : principal);
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.key().admin()) {
            throw new ApiError(403, "forbidden", "admin role required");
        }
    }

    private Response admin(Request request) {
        try {
            Matcher m;
            if (request.path.equals("/__standin/health")) {
                return Response.ok(Map.of("ok", true));
            } else if (request.path.equals("/__standin/faults")) {
                switch (request.method) {
                    case "POST" -> faults.set(request.hasBody()
                            ? json.readValue(request.body, FaultSettings.class) : FaultSettings.none());
                    case "DELETE" -> clearFaults();
                    default -> { }
                }
                return Response.ok(faults.current());
            } else if (request.path.equals("/__standin/requests")) {
                if (request.method.equals("DELETE")) {
                    clearRequests();
                }
                return Response.ok(requests());
            } else if (request.method.equals("POST") && (m = ADMIN_RUN_STATUS.matcher(request.path)).matches()) {
                String status = json.readTree(request.body).path("status").asText("");
                return setRunStatus(m.group(1), status) ? Response.ok(run(m.group(1)).orElseThrow())
                        : new Response(404, Map.of("error", "run not found"));
            } else if (request.method.equals("POST") && request.path.equals("/__standin/reset")) {
                runs.clear();
                runs.reserve(config.runs().reservedIdempotencyKeys());
                approvals.reset(config.approvals());
                clearRequests();
                faults.set(config.faults());
                return Response.ok(Map.of("reset", true));
            }
            return new Response(404, Map.of("error", "unknown stand-in control " + request.method + " " + request.path));
        } catch (IOException | IllegalArgumentException e) {
            return new Response(400, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    private void respond(HttpExchange exchange, Response response) throws IOException {
        writeRaw(exchange, response.status(), json.writeValueAsString(response.body()));
    }

    private static void writeRaw(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
