package dev.rollgate.console.browser;

import dev.rollgate.console.support.Browser;
import dev.rollgate.console.support.ConsoleFixture;
import dev.rollgate.console.support.ConsoleSpringTest;
import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.state.ApprovalRequest;
import dev.rollgate.core.state.ApprovalStatus;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.state.StateStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What viewers and requesters may not do, checked in the browser, plus the policies page. */
@ConsoleSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessBrowserIT {
    @LocalServerPort
    int port;
    @Autowired
    StateStores stores;
    @Autowired
    Clock clock;

    private Browser browser;

    @BeforeAll
    void openBrowser() {
        browser = new Browser(port);
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    private ApprovalRequest heldRolloutOfAlice(String agent) {
        Rollout r = ConsoleFixture.start(stores, ConsoleFixture.ACME, agent, ConsoleFixture.ALICE,
                clock.instant().minus(Duration.ofMinutes(40)));
        Rollout held = ConsoleFixture.move(stores, r.id(), RolloutStatus.HOLD, 1, 10, Optional.empty(),
                clock.instant().minus(Duration.ofMinutes(20)));
        return ConsoleFixture.requestApproval(stores, held, "canary-1", "policy-required",
                clock.instant().minus(Duration.ofMinutes(20)), Duration.ofHours(1));
    }

    @Test
    void a_viewer_gets_no_approve_button_and_a_direct_attempt_is_refused() {
        ApprovalRequest request = heldRolloutOfAlice("viewer-agent");
        browser.signIn(ConsoleFixture.VERA, "vera-secret");

        browser.open("/approvals");
        browser.waitFor(By.cssSelector("[data-cannot-decide='" + request.id() + "']"));
        assertThat(browser.driver().findElements(By.id("decide-" + request.id()))).isEmpty();
        browser.open("/rollout/" + request.rolloutId());
        browser.waitFor(By.id("cannot-decide"));
        assertThat(browser.driver().findElements(By.id("decide-" + request.id()))).isEmpty();

        browser.open("/approvals/decide/" + request.id());
        browser.waitFor(By.id("not-found"));
        assertThat(browser.driver().findElements(By.id("approve"))).isEmpty();
        browser.screenshot("08-viewer-direct-attempt-refused");
        assertThat(stores.approvals().get(request.id()).orElseThrow().status()).isEqualTo(ApprovalStatus.PENDING);
    }

    @Test
    void the_requester_cannot_approve_their_own_rollout() {
        ApprovalRequest request = heldRolloutOfAlice("own-agent");
        browser.signIn(ConsoleFixture.ALICE, "alice-secret");

        browser.open("/approvals");
        browser.waitFor(By.cssSelector("[data-cannot-decide='" + request.id() + "']"));
        assertThat(browser.driver().findElement(By.cssSelector("[data-cannot-decide='" + request.id() + "']"))
                .getText()).contains("four eyes");
        assertThat(browser.driver().findElements(By.id("decide-" + request.id()))).isEmpty();

        browser.open("/approvals/decide/" + request.id());
        browser.waitForText(By.id("decision-refused"), "four eyes");
        assertThat(browser.driver().findElements(By.id("approve"))).isEmpty();
        browser.screenshot("09-requester-four-eyes");
        assertThat(stores.approvals().get(request.id()).orElseThrow().status()).isEqualTo(ApprovalStatus.PENDING);
    }

    @Test
    void policies_are_listed_viewed_validated_and_explained() {
        stores.policies().publish(ConsoleFixture.ACME, "default-gates", 0, ConsoleFixture.POLICY_YAML,
                ConsoleFixture.ALICE, clock.instant());
        browser.signIn(ConsoleFixture.VERA, "vera-secret");
        browser.open("/policies");
        browser.waitForText(By.id("policies-grid"), "default-gates");
        browser.click(browser.driver().findElements(By.cssSelector("vaadin-grid-cell-content")).stream()
                .filter(c -> c.getText().equals("default-gates")).findFirst().orElseThrow());
        browser.waitForText(By.id("policy-explanation"), "canary-2");

        WebElement scratch = browser.driver().findElement(By.cssSelector("#policy-yaml textarea"));
        browser.click(scratch);
        scratch.sendKeys("stages:\n- name: canary\ntype: canary\nweight: 150\n");
        browser.click(browser.driver().findElement(By.id("policy-validate")));
        browser.waitForText(By.id("policy-validation"), "Invalid");
        assertThat(browser.text(By.id("policy-validation"))).contains("line");
        browser.screenshot("10-policies");
    }
}
