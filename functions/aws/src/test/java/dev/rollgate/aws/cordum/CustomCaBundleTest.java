package dev.rollgate.aws.cordum;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.rollgate.core.preflight.CallOutcome;
import dev.rollgate.core.preflight.PolicyEvaluation;
import dev.rollgate.core.preflight.PolicyQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An HTTPS Cordum with a private CA: trusted through a PEM bundle, refused without it. */
class CustomCaBundleTest {
    private static final String ANSWER = "{\"decision\":\"DECISION_TYPE_ALLOW\",\"reason\":\"ok\",\"ruleId\":\"r\","
            + "\"policySnapshot\":\"s\",\"constraints\":{},\"approvalRequired\":false,\"approvalRef\":\"\","
            + "\"redactedContextPtr\":\"\",\"remediations\":[]}";
    private static final PolicyQuery QUERY = new PolicyQuery("acme", "job.a", Map.of());

    @TempDir
    static Path dir;
    private static HttpsServer server;
    private static Path pem;

    @BeforeAll
    static void startHttpsServer() throws Exception {
        Path keystore = dir.resolve("server.p12");
        pem = dir.resolve("ca.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "cordum", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=IP:127.0.0.1", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
        run(keytool, "-exportcert", "-rfc", "-alias", "cordum", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-file", pem.toString());

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/api/v1/policy/simulate", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = ANSWER.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("keytool: %s", output).isZero();
    }

    private static URI uri() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void aServerSignedByTheBundledCaIsTrusted() {
        HttpCordumClient client = new HttpCordumClient(CordumFixture.config(uri()).withCaBundle(pem),
                () -> ApiKey.of("k"));

        CallOutcome<PolicyEvaluation> outcome = client.simulate(QUERY);

        assertThat(outcome).isInstanceOf(CallOutcome.Done.class);
    }

    @Test
    void withoutTheBundleThePrivateCaIsRefusedAndTheCallFailsClosed() {
        HttpCordumClient client = new HttpCordumClient(CordumFixture.config(uri()), () -> ApiKey.of("k"));

        CallOutcome<PolicyEvaluation> outcome = client.simulate(QUERY);

        assertThat(outcome).isInstanceOfSatisfying(CallOutcome.Unavailable.class, u ->
                assertThat(u.cause()).contains("SSLHandshakeException"));
        assertThat(((CallOutcome.Unavailable<?>) outcome).cause()).doesNotContain("attempt(s)");
    }

    @Test
    void anUnreadableBundleIsAConfigurationErrorNamingTheFile() throws Exception {
        Path broken = dir.resolve("broken.pem");
        Files.writeString(broken, "not a certificate");

        assertThatThrownBy(() -> new HttpCordumClient(CordumFixture.config(uri()).withCaBundle(broken),
                () -> ApiKey.of("k"))).isInstanceOf(CordumConfigurationException.class)
                .hasMessageContaining("broken.pem");
    }
}
