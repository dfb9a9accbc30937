package dev.rollgate.console.config;

import dev.rollgate.core.state.Approvals;
import dev.rollgate.core.state.MetricWindowStore;
import dev.rollgate.core.state.Policies;
import dev.rollgate.core.state.RolloutHistory;
import dev.rollgate.core.state.Rollouts;
import dev.rollgate.core.state.StateStores;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The state ports the views and services use, taken from the one {@link StateStores} bean whichever backend
 * supplies it (the DynamoDB configuration, a test, the sandbox), so no backend repeats this wiring.
 */
@Configuration(proxyBeanMethods = false)
public class StatePortsConfig {
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
}
