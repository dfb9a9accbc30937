package dev.rollgate.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rollgate.core.state.PageRequest;
import dev.rollgate.core.state.Rollout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox's own HTTP endpoints on loopback, for scripts and the smoke test (the console is for people):
 * {@code GET /api/rollouts}, {@code GET /api/rollouts/{id}}, {@code POST /api/rollouts?scenario=&agent=},
 * {@code GET /api/health}.
 */
final class SandboxApi implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Sandbox sandbox;
    private final HttpServer server;

    SandboxApi(Sandbox sandbox, int port) throws IOException {
        this.sandbox = sandbox;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server.createContext("/api/health", ex -> reply(ex, 200, health()));
        server.createContext("/api/rollouts", this::rollouts);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void rollouts(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String rest = path.substring("/api/rollouts".length());
        try {
            if ("GET".equals(ex.getRequestMethod()) && (rest.isEmpty() || "/".equals(rest))) {
                ArrayNode all = JSON.createArrayNode();
                sandbox.stores().rollouts().listByTenant(Sandbox.TENANT, PageRequest.first(100)).items()
                        .forEach(r -> all.add(describe(r)));
                reply(ex, 200, all);
            } else if ("GET".equals(ex.getRequestMethod())) {
                Optional<Rollout> r = sandbox.stores().rollouts().get(rest.substring(1));
                if (r.isEmpty()) {
                    reply(ex, 404, error("no rollout " + rest.substring(1)));
                } else {
                    reply(ex, 200, describe(r.get()));
                }
            } else if ("POST".equals(ex.getRequestMethod()) && rest.isEmpty()) {
                Map<String, String> query = query(ex.getRequestURI());
                Optional<DemoScenario> scenario = DemoScenario.parse(query.getOrDefault("scenario", ""));
                if (scenario.isEmpty()) {
                    reply(ex, 400, error("scenario: expected one of " + DemoScenario.names()));
                    return;
                }
                String agent = query.getOrDefault("agent", "support-agent");
                ObjectNode out = JSON.createObjectNode();
                out.put("id", sandbox.startRollout(agent, scenario.get()));
                reply(ex, 200, out);
            } else {
                reply(ex, 405, error("method not allowed"));
            }
        } catch (RuntimeException e) {
            reply(ex, 500, error(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    private ObjectNode describe(Rollout r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", r.id());
        n.put("agent", r.agent());
        n.put("status", r.state().status().name());
        n.put("stageIndex", r.state().stageIndex());
        n.put("lastReason", r.state().lastReason());
        n.put("commandedWeight", r.state().trafficWeight());
        n.put("aliasWeight", sandbox.rollgate().candidateWeight(r));
        r.lastScore().ifPresent(s -> n.put("lastScore", s));
        return n;
    }

    private ObjectNode health() {
        ObjectNode n = JSON.createObjectNode();
        n.put("virtualTime", sandbox.rollgate().now().toString());
        return n;
    }

    private static ObjectNode error(String message) {
        ObjectNode n = JSON.createObjectNode();
        n.put("error", message);
        return n;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new HashMap<>();
        if (uri.getRawQuery() == null) {
            return out;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void reply(HttpExchange ex, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
