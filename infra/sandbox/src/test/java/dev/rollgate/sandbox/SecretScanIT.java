package dev.rollgate.sandbox;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import dev.rollgate.aws.testing.AwsEmulatorExtension;
import dev.rollgate.aws.testing.AwsEndpoint;
import dev.rollgate.aws.testing.SecretScan;
import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.state.ApprovalRequest;
import dev.rollgate.core.state.HistoryEntry;
import dev.rollgate.core.state.HistoryEvent;
import dev.rollgate.core.state.PageRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole rollout through the sandbox (the real workflow on the local runner, DynamoDB on the emulator, the Cordum
 * stand-in over HTTP that accepts only a recognisable API key, the console) and an approval given in the browser,
 * then a scan for the key in everything that came out: stdout and stderr, every logback event, every item of every
 * table, and the rendered HTML of the console's pages. The scan must find nothing; then the key is deliberately
 * logged, stored in history and so shown on a page, and the same scan must find it in all three, which proves
 * it looks where it claims to.
 */
@ExtendWith(AwsEmulatorExtension.class)
class SecretScanIT {
    private static final String KEY = "rgk-SECRETSCAN-cordum-7f3a9c1e5b2d80649d";
    private static final Duration WAIT = Duration.ofMinutes(8);
    /** Short stages and an approval that is always asked for, so the whole rollout plays in ~45 virtual minutes. */
    private static final String POLICY = """
            name: secret-scan
            preflight:
              topics: [job.support.reply]
              workflow: {id: wf-support, environment: staging, input: {ticket: T-1}}
            stages:
              - {name: shadow, type: shadow, duration: 10m, interval: 5m, min_data_points_per_metric: 10}
              - {name: canary-1, type: canary, weight: 10, duration: 20m, interval: 5m, min_data_points_per_metric: 10,
                 approval: always}
              - {name: full, type: full, duration: 10m, interval: 5m, min_data_points_per_metric: 10}
            """;

    @Test
    void the_cordum_key_appears_in_no_log_stored_record_or_console_page(AwsEndpoint aws) throws Exception {
        CapturedOutput output = CapturedOutput.start();
        CapturedEvents events = new CapturedEvents();
        Map<String, String> pages = new LinkedHashMap<>();
        try (Sandbox sandbox = Sandbox.start(new SandboxOptions(DemoScenario.HEALTHY, 3000, 0, 0, aws.endpoint(),
                true), KEY);
             Chromium browser = new Chromium(sandbox.consolePort())) {
            events.attach();
            // The demo's rollouts start under the latest version of the demo policy: make it the short one.
            sandbox.stores().policies().publish(Sandbox.TENANT, Sandbox.POLICY_NAME, 1, POLICY, Sandbox.REQUESTER,
                    sandbox.rollgate().now());
            String rolloutId = sandbox.startRollout("secret-agent", DemoScenario.HEALTHY);
            ApprovalRequest pending = await("the rollout waits for approval", () -> sandbox.stores().approvals()
                    .pending(Sandbox.TENANT, PageRequest.first(10)).items().stream()
                    .anyMatch(a -> a.rolloutId().equals(rolloutId)), () -> sandbox.stores().approvals()
                    .pending(Sandbox.TENANT, PageRequest.first(10)).items().stream()
                    .filter(a -> a.rolloutId().equals(rolloutId)).findFirst().orElseThrow());

            browser.signIn("bob@example.com", "bob-secret");
            pages.put("approvals", browser.page("/approvals", By.id("decide-" + pending.id()), ""));
            browser.open("/approvals/decide/" + pending.id());
            WebElement reason = browser.waitFor(By.cssSelector("#decision-reason textarea"));
            reason.sendKeys("secret scan: approved", Keys.TAB);
            browser.click(By.id("approve"));
            await("the approval is decided", () -> sandbox.stores().approvals().get(pending.id()).orElseThrow()
                    .decision().isPresent(), () -> null);
            await("the rollout finishes", () -> sandbox.stores().rollouts().get(rolloutId).orElseThrow().state()
                    .status().isTerminal(), () -> null);
            assertThat(sandbox.stores().rollouts().get(rolloutId).orElseThrow().state().status())
                    .isEqualTo(RolloutStatus.PROMOTED);
            List<HistoryEvent> history = sandbox.stores().history().read(rolloutId, PageRequest.first(500)).items();
            assertThat(history).as("the preflight really called Cordum with the key")
                    .anySatisfy(e -> assertThat(e.reasonCode()).isEqualTo("PREFLIGHT_PASSED"));

            pages.put("rollouts", browser.page("/rollouts", By.id("rollouts-grid"), "secret-agent"));
            pages.put("rollout detail and history", browser.page("/rollout/" + rolloutId,
                    By.id("history-timeline"), "APPROVAL_DECIDED"));
            pages.put("approvals after the decision", browser.page("/approvals", By.tagName("body"), "Pending approvals"));
            pages.put("policies", browser.page("/policies", By.id("policies-grid"), Sandbox.POLICY_NAME));

            SecretScan clean = scan(output, events, pages, aws, sandbox);
            assertThat(clean.findings()).as("where the key leaked").isEmpty();
            assertThat(output.text()).as("stdout/stderr captured").contains("Started");
            assertThat(events.lines()).as("logback events captured, rollgate's at DEBUG").isNotEmpty();

            // Self-check: taint each source once and the same scan must see it.
            LoggerFactory.getLogger("dev.rollgate.secretscan").warn("deliberately tainted: api key {}", KEY);
            sandbox.stores().history().append(rolloutId, HistoryEntry.of(sandbox.rollgate().now(),
                    "SECRET_SCAN_SELF_CHECK", "test", "TAINTED " + KEY));
            pages.put("tainted detail", browser.page("/rollout/" + rolloutId, By.id("history-timeline"),
                    "SECRET_SCAN_SELF_CHECK"));
            SecretScan tainted = scan(output, events, pages, aws, sandbox);
            assertThat(tainted.findings()).anySatisfy(f -> assertThat(f).startsWith("stdout/stderr"))
                    .anySatisfy(f -> assertThat(f).startsWith("logback"))
                    .anySatisfy(f -> assertThat(f).startsWith("dynamodb"))
                    .anySatisfy(f -> assertThat(f).startsWith("page tainted detail"))
                    .noneSatisfy(f -> assertThat(f).contains(KEY));
        } finally {
            events.detach();
            output.stop();
        }
    }

    private static SecretScan scan(CapturedOutput output, CapturedEvents events, Map<String, String> pages,
                                   AwsEndpoint aws, Sandbox sandbox) {
        SecretScan scan = SecretScan.of(KEY).text("stdout/stderr", output.text()).lines("logback", events.lines())
                .dynamoDbTables(aws.dynamoDb(), "sandbox-");
        pages.forEach((name, html) -> scan.text("page " + name, html));
        assertThat(pages.values()).allSatisfy(html -> assertThat(html).contains("signed-in-user"));
        return scan;
    }

    private static <T> T await(String what, BooleanSupplier condition, java.util.function.Supplier<T> result)
            throws InterruptedException {
        // Virtual time runs only as fast as the machine allows; under load a virtual minute can take seconds.
        Instant until = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(200);
        }
        return result.get();
    }

    /** Everything written to stdout and stderr, still passed through to the real streams. */
    private static final class CapturedOutput {
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
        private final PrintStream out = System.out;
        private final PrintStream err = System.err;

        static CapturedOutput start() {
            CapturedOutput captured = new CapturedOutput();
            System.setOut(new PrintStream(captured.tee(captured.out), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(captured.tee(captured.err), true, StandardCharsets.UTF_8));
            return captured;
        }

        private OutputStream tee(PrintStream real) {
            return new OutputStream() {
                @Override
                public void write(int b) {
                    real.write(b);
                    synchronized (copy) {
                        copy.write(b);
                    }
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    real.write(b, off, len);
                    synchronized (copy) {
                        copy.write(b, off, len);
                    }
                }
            };
        }

        String text() {
            synchronized (copy) {
                return copy.toString(StandardCharsets.UTF_8);
            }
        }

        void stop() {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /**
     * Every logback event with its arguments, MDC and exception chain, at any level: attached after Spring Boot has
     * configured logging (it replaces earlier appenders), with rollgate's loggers turned to DEBUG.
     */
    private static final class CapturedEvents extends AppenderBase<ILoggingEvent> {
        private final List<String> lines = new CopyOnWriteArrayList<>();

        void attach() {
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            setContext(context);
            setName("secret-scan");
            start();
            context.getLogger("dev.rollgate").setLevel(Level.DEBUG);
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(this);
        }

        void detach() {
            if (getContext() instanceof LoggerContext context) {
                context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(this);
            }
            stop();
        }

        @Override
        protected void append(ILoggingEvent event) {
            StringBuilder line = new StringBuilder(event.getLevel() + " " + event.getLoggerName() + " "
                    + event.getFormattedMessage() + " " + event.getMDCPropertyMap());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
            }
            lines.add(line.toString());
        }

        List<String> lines() {
            return List.copyOf(lines);
        }
    }

    /** Debian's headless Chromium with a fresh profile, as the console's browser tests drive it. */
    private static final class Chromium implements AutoCloseable {
        private final WebDriver driver;
        private final Path profile;
        private final String base;

        Chromium(int port) throws java.io.IOException {
            profile = Files.createTempDirectory("rollgate-secret-scan-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=1440,1600", "--user-data-dir=" + profile);
            driver = new ChromeDriver(new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build(), options);
            base = "http://127.0.0.1:" + port;
        }

        void open(String path) {
            driver.get(base + path);
        }

        void signIn(String user, String password) {
            open("/login");
            waitFor(By.cssSelector("input[name='username']")).sendKeys(user);
            driver.findElement(By.cssSelector("input[name='password']")).sendKeys(password, Keys.ENTER);
            waitFor(By.id("signed-in-user"));
        }

        /** The rendered HTML of {@code path} once {@code ready} shows {@code text}. */
        String page(String path, By ready, String text) {
            open(path);
            new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(
                    org.openqa.selenium.StaleElementReferenceException.class).until(d -> d.findElements(ready)
                    .stream().anyMatch(e -> e.getText().contains(text)));
            return driver.getPageSource();
        }

        WebElement waitFor(By locator) {
            return new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
                List<WebElement> found = d.findElements(locator);
                return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
            });
        }

        void click(By locator) {
            new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(
                    org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
                        WebElement e = d.findElement(locator);
                        ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                                "arguments[0].scrollIntoView({block: 'center'})", e);
                        e.click();
                        return true;
                    });
        }

        @Override
        public void close() {
            driver.quit();
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.IOException ignored) {
                // A leftover temporary profile is harmless.
            }
        }
    }
}
