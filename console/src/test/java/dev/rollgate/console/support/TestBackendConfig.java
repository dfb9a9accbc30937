package dev.rollgate.console.support;

import dev.rollgate.core.approval.InMemoryApprovalCallback;
import dev.rollgate.core.operations.InMemoryRolloutControl;
import dev.rollgate.core.state.InMemoryStateStores;
import dev.rollgate.core.state.StateStores;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The console over the in-memory fakes ({@code rollgate.console.backend=provided}). One instance per Spring test
 * context, shared by the test classes that reuse the context; tests use unique ids so they do not collide.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestBackendConfig {
    @Bean
    StateStores stateStores() {
        return InMemoryStateStores.create();
    }

    @Bean
    InMemoryApprovalCallback inMemoryApprovalCallback() {
        return new InMemoryApprovalCallback();
    }

    @Bean
    InMemoryRolloutControl inMemoryRolloutControl() {
        return new InMemoryRolloutControl();
    }
}
