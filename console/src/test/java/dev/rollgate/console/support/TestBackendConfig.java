package dev.rollgate.console.support;

import dev.rollgate.core.approval.InMemoryApprovalCallback;
import dev.rollgate.core.operations.InMemoryRolloutControl;
import dev.rollgate.core.state.Approvals;
import dev.rollgate.core.state.InMemoryStateStores;
import dev.rollgate.core.state.MetricWindowStore;
import dev.rollgate.core.state.Policies;
import dev.rollgate.core.state.RolloutHistory;
import dev.rollgate.core.state.Rollouts;
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
    Rollouts rollouts(StateStores stores) {
        return stores.rollouts();
    }

    @Bean
    RolloutHistory rolloutHistory(StateStores stores) {
        return stores.history();
    }

    @Bean
    MetricWindowStore metricWindowStore(StateStores stores) {
        return stores.windows();
    }

    @Bean
    Approvals approvals(StateStores stores) {
        return stores.approvals();
    }

    @Bean
    Policies policies(StateStores stores) {
        return stores.policies();
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
