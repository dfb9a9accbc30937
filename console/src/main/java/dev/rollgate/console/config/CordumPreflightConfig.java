package dev.rollgate.console.config;

import dev.rollgate.aws.cordum.ApiKeySources;
import dev.rollgate.aws.cordum.CordumClientConfig;
import dev.rollgate.aws.cordum.HttpCordumClient;
import dev.rollgate.core.preflight.PreflightGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

import java.time.Clock;
import java.util.Map;

/**
 * The policies page's preflight button ({@code rollgate.console.cordum.enabled=true}): the HTTP Cordum client
 * configured from the same {@code CORDUM_*} environment variables as the Lambda functions, behind the core's
 * fail-closed gate.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "rollgate.console.cordum.enabled", havingValue = "true")
public class CordumPreflightConfig {
    private static final Logger LOG = LoggerFactory.getLogger(CordumPreflightConfig.class);

    @Bean
    PreflightGate preflightGate(Clock clock) {
        Map<String, String> env = System.getenv();
        HttpCordumClient cordum = new HttpCordumClient(CordumClientConfig.fromEnvironment(env),
                ApiKeySources.fromEnvironment(env, SsmClient::create, SecretsManagerClient::create, clock));
        return new PreflightGate(cordum, cordum, event -> LOG.info("console preflight {} {} {}: {}",
                event.rolloutId(), event.result().kind(), event.result().target(), event.result().status()), clock);
    }
}
