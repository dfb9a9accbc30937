package dev.rollgate.console.browser;

import dev.rollgate.console.support.Browser;
import dev.rollgate.console.support.ConsoleFixture;
import dev.rollgate.console.support.ConsoleSpringTest;
import dev.rollgate.console.support.WorkflowStandIn;
import dev.rollgate.core.approval.InMemoryApprovalCallback;
import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.metrics.Variant;
import dev.rollgate.core.state.ApprovalRequest;
import dev.rollgate.core.state.ApprovalStatus;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.state.StateStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Watching a rollout move, and an approver letting a held rollout continue. */
@ConsoleSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RolloutFlowBrowserIT {
    private static final String HTML_REASON = "<img src=x onerror=\"window.__injected=1\"><b>canary looks fine</b>";

    @LocalServerPort
    int port;
    @Autowired
    StateStores stores;
    @Autowired
    InMemoryApprovalCallback callback;
    @Autowired
    Clock clock;

    private Browser browser;

    @BeforeAll
    void openBrowser() {
        WorkflowStandIn.attach(callback, stores, clock);
        browser = new Browser(port);
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    private Rollout canaryAtTenPercent(String agent) {
        Instant now = clock.instant();
        Rollout r = ConsoleFixture.start(stores, ConsoleFixture.ACME, agent, ConsoleFixture.ALICE,
                now.minus(Duration.ofMinutes(50)));
        ConsoleFixture.move(stores, r.id(), RolloutStatus.SHADOW, 0, 0, Optional.empty(),
                now.minus(Duration.ofMinutes(45)), ConsoleFixture.stageEntered(now.minus(Duration.ofMinutes(45)),
                        "shadow", 0));
        Rollout moved = ConsoleFixture.move(stores, r.id(), RolloutStatus.CANARY, 1, 10, Optional.of(91.0),
                now.minus(Duration.ofMinutes(30)),
                ConsoleFixture.stageEntered(now.minus(Duration.ofMinutes(30)), "canary-1", 10),
                ConsoleFixture.gateEvaluated(now.minus(Duration.ofMinutes(5)), "canary-1", 91.0, "MARGINAL"));
        for (int i = 0; i < 6; i++) {
            Instant w = now.minus(Duration.ofMinutes(30 - 5 * i));
            stores.windows().put(r.id(), ConsoleFixture.window(Variant.CANARY, w, 800, 4 + i, 940 + 10 * i), now);
            stores.windows().put(r.id(), ConsoleFixture.window(Variant.BASELINE, w, 7200, 30 + i, 900), now);
        }
        return moved;
    }

    @Test
    void custom_quality_families_get_a_chart_and_custom_verdict_rows_beside_the_built_in_metrics() {
        Instant now = clock.instant();
        Rollout r = ConsoleFixture.start(stores, ConsoleFixture.ACME, "quality-agent", ConsoleFixture.ALICE,
                now.minus(Duration.ofMinutes(50)), ConsoleFixture.QUALITY_POLICY_YAML);
        ConsoleFixture.move(stores, r.id(), RolloutStatus.CANARY, 1, 10, Optional.of(0.0),
                now.minus(Duration.ofMinutes(30)),
                ConsoleFixture.stageEntered(now.minus(Duration.ofMinutes(30)), "canary-1", 10),
                ConsoleFixture.gateEvaluatedWithQuality(now.minus(Duration.ofMinutes(5)), "canary-1",
                        "CUSTOM_METRIC_THRESHOLD: eval_score mean 0.66 over 240 graded samples in 6 windows"));
        for (int i = 0; i < 6; i++) {
            Instant w = now.minus(Duration.ofMinutes(30 - 5 * i));
            stores.windows().put(r.id(), ConsoleFixture.qualityWindow(Variant.CANARY, w, 0.66, 4, 400), now);
            stores.windows().put(r.id(), ConsoleFixture.qualityWindow(Variant.BASELINE, w, 0.82, 2, 400), now);
        }
        browser.signIn(ConsoleFixture.VERA, "vera-secret");
        browser.open("/rollout/" + r.id());

        browser.waitForText(By.cssSelector("[data-trigger]"), "eval_score mean 0.66");
        browser.waitForText(By.tagName("vaadin-grid-cell-content"), "custom score");
        browser.waitForText(By.tagName("vaadin-grid-cell-content"), "tool_call_rejections");
        browser.click(By.id("metric-select"));
        browser.click(By.xpath("//vaadin-select-item[contains(., 'eval_score (custom score')]"));
        String title = browser.until(d -> {
            Object t = ((JavascriptExecutor) d).executeScript("const c = document.getElementById('comparison-chart');"
                    + " return c && c.$chart ? c.$chart.options.plugins.title.text : null;");
            return "eval_score (custom score, mean per window)".equals(t) ? (String) t : null;
        });
        assertThat(title).isNotNull();
        browser.screenshot("05-rollout-custom-metrics");
    }

    private By stage(String name, String progress) {
        return By.cssSelector("[data-stage='" + name + "'][data-progress='" + progress + "']");
    }

    @Test
    void a_viewer_watches_the_rollout_advance_a_stage_without_reloading() {
        Rollout rollout = canaryAtTenPercent("watch-agent");
        browser.signIn(ConsoleFixture.VERA, "vera-secret");
        browser.open("/rollout/" + rollout.id());
        browser.waitFor(stage("canary-1", "CURRENT"));
        browser.waitFor(By.cssSelector("#traffic-chart[data-drawn]"));
        browser.waitFor(By.cssSelector("#comparison-chart[data-drawn='2']"));
        assertThat(browser.driver().findElement(By.id("traffic-weight")).getText()).isEqualTo("10% traffic");
        assertThat(browser.driver().findElements(By.id("abort-rollout"))).as("a viewer has no operator actions")
                .isEmpty();
        browser.screenshot("03-rollout-detail");

        Instant now = clock.instant();
        ConsoleFixture.move(stores, rollout.id(), RolloutStatus.CANARY, 2, 50, Optional.of(97.5), now,
                ConsoleFixture.gateEvaluated(now, "canary-1", 97.5, "PASS"),
                ConsoleFixture.stageEntered(now, "canary-2", 50));

        browser.waitFor(stage("canary-2", "CURRENT"));
        browser.waitFor(stage("canary-1", "DONE"));
        browser.waitForText(By.id("traffic-weight"), "50% traffic");
        browser.screenshot("04-rollout-advanced");
    }

    @Test
    void an_approver_approves_a_held_rollout_and_sees_it_continue_with_the_reason_shown_as_text() {
        Rollout rollout = canaryAtTenPercent("approve-agent");
        Rollout held = ConsoleFixture.move(stores, rollout.id(), RolloutStatus.HOLD, 1, 10, Optional.empty(),
                clock.instant(), ConsoleFixture.gateEvaluated(clock.instant(), "canary-1", 86.0, "MARGINAL"));
        ApprovalRequest request = ConsoleFixture.requestApproval(stores, held, "canary-1", "marginal-score",
                clock.instant().minus(Duration.ofMinutes(12)), Duration.ofHours(2));

        browser.signIn(ConsoleFixture.BOB, "bob-secret");
        browser.open("/approvals");
        browser.waitFor(By.id("decide-" + request.id()));
        browser.screenshot("05-approvals");
        browser.click(By.id("decide-" + request.id()));

        WebElement reason = browser.waitFor(By.cssSelector("#decision-reason textarea"));
        browser.screenshot("06-approval-decision");
        reason.sendKeys(HTML_REASON, Keys.TAB);
        browser.click(By.id("approve"));

        browser.waitFor(stage("canary-2", "CURRENT"));
        browser.waitForText(By.id("rollout-status"), "CANARY");
        assertThat(stores.approvals().get(request.id()).orElseThrow().status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(callback.deliveries()).anySatisfy(d -> assertThat(d.approvalId()).isEqualTo(request.id()));

        By reasonLine = By.cssSelector("#history-timeline [data-detail='reason']");
        browser.waitForText(reasonLine, "<b>canary looks fine</b>");
        assertThat(browser.text(reasonLine)).isEqualTo("reason: " + HTML_REASON);
        assertThat(browser.driver().findElements(By.cssSelector("#history-timeline img, #history-timeline b")))
                .as("user text is never turned into markup").isEmpty();
        assertThat(((JavascriptExecutor) browser.driver()).executeScript("return window.__injected === undefined"))
                .isEqualTo(true);
        assertThat(browser.pageText()).contains("APPROVAL_DECIDED").contains("by " + ConsoleFixture.BOB);
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('history-timeline').scrollIntoView({block: 'start'})");
        browser.screenshot("07-history-with-reason-as-text");
    }
}
