package dev.rollgate.console.support;

import dev.rollgate.console.ConsoleApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one Spring context of the console's integration tests: the real application on a random port with the
 * demo users of the {@code local} profile over the in-memory fakes. Every class that uses exactly this
 * annotation shares the cached context, so the application starts once per test run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = {ConsoleApplication.class, TestBackendConfig.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "rollgate.console.backend=provided")
@ActiveProfiles("local")
public @interface ConsoleSpringTest {
}
