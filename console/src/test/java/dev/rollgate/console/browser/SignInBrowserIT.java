package dev.rollgate.console.browser;

import dev.rollgate.console.support.Browser;
import dev.rollgate.console.support.ConsoleFixture;
import dev.rollgate.console.support.ConsoleSpringTest;
import dev.rollgate.core.state.StateStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@ConsoleSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInBrowserIT {
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

    @Test
    void a_signed_out_visitor_is_sent_to_the_sign_in_page() {
        browser.driver().manage().deleteAllCookies();
        browser.open("/rollouts");
        browser.waitFor(By.cssSelector("input[name='username']"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/login");
        browser.screenshot("01-sign-in");
    }

    @Test
    void a_wrong_password_is_refused() {
        browser.driver().manage().deleteAllCookies();
        browser.open("/login");
        browser.waitFor(By.cssSelector("input[name='username']")).sendKeys(ConsoleFixture.VERA);
        browser.driver().findElement(By.cssSelector("input[name='password']"))
                .sendKeys("not-the-password", org.openqa.selenium.Keys.ENTER);
        browser.until(d -> d.getCurrentUrl().contains("error") ? Boolean.TRUE : null);
        assertThat(browser.driver().findElements(By.id("signed-in-user"))).isEmpty();
    }

    @Test
    void a_viewer_signs_in_and_sees_the_rollouts_of_their_tenant() {
        var rollout = ConsoleFixture.start(stores, ConsoleFixture.ACME, "signin-agent", ConsoleFixture.ALICE,
                clock.instant().minus(Duration.ofMinutes(5)));
        var foreign = ConsoleFixture.start(stores, ConsoleFixture.GLOBEX, "signin-agent", "gina@example.com",
                clock.instant().minus(Duration.ofMinutes(4)));

        browser.signIn(ConsoleFixture.VERA, "vera-secret");

        browser.waitFor(By.cssSelector("[data-rollout='" + rollout.id() + "']"));
        assertThat(browser.driver().findElement(By.id("signed-in-user")).getText()).contains(ConsoleFixture.VERA)
                .contains("VIEWER");
        assertThat(browser.pageText()).doesNotContain(foreign.id());
        browser.screenshot("02-rollouts");
    }
}
