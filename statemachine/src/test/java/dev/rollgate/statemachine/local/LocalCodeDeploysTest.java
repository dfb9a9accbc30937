package dev.rollgate.statemachine.local;

import dev.rollgate.core.traffic.CodeDeployCanary;
import dev.rollgate.core.traffic.HookStatus;
import dev.rollgate.core.traffic.InMemoryDeploymentGuard;
import dev.rollgate.core.traffic.ShiftOutcome;
import dev.rollgate.core.traffic.TrafficTarget;
import dev.rollgate.aws.traffic.CodeDeployHookReporter;
import dev.rollgate.aws.traffic.CodeDeployTrafficDriver;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.rollgate.statemachine.local.LocalTargetsFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

/** The CodeDeploy stand-ins for many aliases, and rollgate's real adapters driving them through the SDK clients. */
class LocalCodeDeploysTest {
    private final VirtualClock clock = new VirtualClock(START);
    private final LocalAgentAliases aliases = new LocalAgentAliases(clock);
    private final LocalCodeDeploys codeDeploys = new LocalCodeDeploys(clock, aliases);
    private final List<PendingHook> hooks = new ArrayList<>();

    {
        codeDeploys.onHook(hooks::add);
    }

    @Test
    void eachAliasHasItsOwnStandInWithDistinctDeploymentIdsAndHookRouting() {
        TrafficTarget a = target("rollout-a", "agent-a");
        TrafficTarget b = target("rollout-b", "agent-b");

        codeDeploys.shift(a, 1, 10);
        codeDeploys.shift(b, 1, 10);

        assertThat(codeDeploys.deployments()).extracting(DeploymentView::deploymentId).doesNotHaveDuplicates()
                .hasSize(2);
        assertThat(hooks).hasSize(2);
        PendingHook hookOfB = hooks.stream().filter(h -> h.rolloutId().equals("rollout-b")).findFirst().orElseThrow();
        codeDeploys.report(hookOfB.deploymentId(), hookOfB.lifecycleEventHookExecutionId(), HookStatus.SUCCEEDED);
        assertThat(codeDeploys.currentWeight(b)).isEqualTo(10);
        assertThat(codeDeploys.currentWeight(a)).isZero();
    }

    @Test
    void theRealDriverThroughTheStandInClientsRunsTheCanaryAndStartsOneDeployment() {
        TrafficTarget target = target("rollout-1", "agent");
        codeDeploys.of(target);
        LocalCodeDeployClient client = new LocalCodeDeployClient(codeDeploys);
        InMemoryDeploymentGuard guard = new InMemoryDeploymentGuard();
        CodeDeployTrafficDriver driver = new CodeDeployTrafficDriver(client, new LocalLambdaAliasClient(codeDeploys),
                guard);
        CodeDeployHookReporter reporter = new CodeDeployHookReporter(client);

        assertThat(driver.shift(target, 1, 10)).isEqualTo(new ShiftOutcome.Shifted(10));
        assertThat(driver.shift(target, 1, 10)).isEqualTo(new ShiftOutcome.Unchanged(10));
        assertThat(client.createDeploymentCalls()).isOne();
        String id = guard.deploymentOf("rollout-1", 1, 1).orElseThrow();
        assertThat(guard.ownerOf(id)).isPresent();

        PendingHook before = hooks.get(0);
        reporter.report(id, before.lifecycleEventHookExecutionId(), HookStatus.SUCCEEDED);
        assertThat(driver.currentWeight(target)).isEqualTo(10);
        clock.advanceBy(Duration.ofMinutes(30));
        assertThat(driver.promote(target)).isEqualTo(new ShiftOutcome.Unchanged(100));

        assertThat(driver.restoreBaseline(target)).isEqualTo(new ShiftOutcome.Shifted(0));
        assertThat(codeDeploys.deployments()).singleElement()
                .satisfies(d -> assertThat(d.status()).isEqualTo(DeploymentStatus.STOPPED));
        assertThat(driver.currentWeight(target)).isZero();
    }

    private static TrafficTarget target(String rolloutId, String function) {
        return TrafficTarget.codeDeploy(rolloutId, function, "live", "1", "2", new CodeDeployCanary("app",
                "group-" + function, 1, 10, 30, "before-hook", "after-hook"));
    }
}
