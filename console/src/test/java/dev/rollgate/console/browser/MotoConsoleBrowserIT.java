package dev.rollgate.console.browser;

import dev.rollgate.console.ConsoleApplication;
import dev.rollgate.console.support.Browser;
import dev.rollgate.console.support.ConsoleFixture;
import dev.rollgate.console.support.DynamoDbOperationLog;
import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.metrics.Variant;
import dev.rollgate.core.state.ApprovalRequest;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.state.StateStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console on the DynamoDB adapters against moto ({@code infra/test.sh} starts it and sets
 * {@code AWS_ENDPOINT_URL}): seeded rollouts and approvals show up page by page, and every DynamoDB call the
 * pages make is a Query or GetItem, never a Scan.
 */
@SpringBootTest(classes = {ConsoleApplication.class, DynamoDbOperationLog.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"rollgate.console.backend=dynamodb", "rollgate.console.dynamodb.create-tables=true"})
@ActiveProfiles("local")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MotoConsoleBrowserIT {
    private static final int ROLLOUTS = 30;

    @DynamicPropertySource
    static void moto(DynamicPropertyRegistry registry) {
        String endpoint = System.getenv("AWS_ENDPOINT_URL");
        if (endpoint == null || endpoint.isBlank()) {
            throw new IllegalStateException("AWS_ENDPOINT_URL is not set: run this test through infra/test.sh"
                    + " (e.g. infra/test.sh -pl console -am), which starts moto and sets it");
        }
        registry.add("rollgate.console.dynamodb.endpoint", () -> endpoint);
        registry.add("rollgate.console.dynamodb.table-prefix",
                () -> "console-it-" + UUID.randomUUID().toString().substring(0, 8) + "-");
    }

    @LocalServerPort
    int port;
    @Autowired
    StateStores stores;
    @Autowired
    Clock clock;

    private Browser browser;
    private final List<Rollout> seeded = new ArrayList<>();
    private ApprovalRequest approval;

    @BeforeAll
    void seedAndOpenBrowser() {
        Instant now = clock.instant();
        for (int i = 0; i < ROLLOUTS; i++) {
            seeded.add(ConsoleFixture.start(stores, ConsoleFixture.ACME, "agent-" + (i % 3), ConsoleFixture.ALICE,
                    now.minus(Duration.ofMinutes(ROLLOUTS - i))));
        }
        Rollout newest = seeded.get(ROLLOUTS - 1);
        Rollout held = ConsoleFixture.move(stores, newest.id(), RolloutStatus.HOLD, 1, 10, Optional.of(84.0), now,
                ConsoleFixture.stageEntered(now, "canary-1", 10),
                ConsoleFixture.gateEvaluated(now, "canary-1", 84.0, "MARGINAL"));
        stores.windows().put(held.id(), ConsoleFixture.window(Variant.CANARY, now.minusSeconds(600), 500, 4, 950),
                now);
        stores.windows().put(held.id(), ConsoleFixture.window(Variant.BASELINE, now.minusSeconds(600), 5000, 30,
                900), now);
        approval = ConsoleFixture.requestApproval(stores, held, "canary-1", "marginal-score", now,
                Duration.ofHours(2));
        DynamoDbOperationLog.clear();
        browser = new Browser(port);
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    /** Rows in the grid (its cells of rows it no longer shows stay in the DOM, hidden, so they are not counted). */
    private long visibleRows() {
        Object size = ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("return document.getElementById('rollouts-grid').size");
        return ((Number) size).longValue();
    }

    @Test
    void rollouts_and_approvals_pages_load_from_queries_without_a_scan() {
        browser.signIn(ConsoleFixture.BOB, "bob-secret");
        browser.waitFor(By.cssSelector("[data-rollout='" + seeded.get(ROLLOUTS - 1).id() + "']"));
        browser.until(d -> visibleRows() == 25 ? Boolean.TRUE : null);
        browser.screenshot("11-moto-rollouts");

        browser.click(By.id("page-next"));
        browser.waitFor(By.cssSelector("[data-rollout='" + seeded.get(0).id() + "']"));
        browser.until(d -> visibleRows() == ROLLOUTS - 25 ? Boolean.TRUE : null);
        assertThat(browser.text(By.id("page-info"))).isEqualTo("page 2");

        browser.open("/approvals");
        browser.waitFor(By.id("decide-" + approval.id()));
        browser.screenshot("12-moto-approvals");

        browser.open("/rollout/" + approval.rolloutId());
        browser.waitFor(By.cssSelector("[data-stage='canary-1'][data-progress='CURRENT']"));
        browser.waitFor(By.cssSelector("#comparison-chart[data-drawn='2']"));

        List<String> operations = List.copyOf(DynamoDbOperationLog.OPERATIONS);
        assertThat(operations).contains("Query").doesNotContain("Scan");
    }
}
