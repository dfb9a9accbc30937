package dev.rollgate.console.rollouts;

import dev.rollgate.console.policies.CorePolicyInterpreter;
import dev.rollgate.console.security.AccessRefusedException;
import dev.rollgate.console.support.ConsoleFixture;
import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.state.InMemoryStateStores;
import dev.rollgate.core.state.Page;
import dev.rollgate.core.state.PageRequest;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.state.StateStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.rollgate.console.support.ConsoleFixture.ACME;
import static dev.rollgate.console.support.ConsoleFixture.GLOBEX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RolloutQueriesTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private StateStores stores;
    private RolloutQueries queries;
    private final List<Rollout> acme = new ArrayList<>();

    @BeforeEach
    void setUp() {
        stores = InMemoryStateStores.create();
        queries = new RolloutQueries(stores.rollouts(), new CorePolicyInterpreter(), Clock.fixed(NOW, ZoneOffset.UTC));
        for (int i = 0; i < 7; i++) {
            acme.add(ConsoleFixture.start(stores, ACME, i % 2 == 0 ? "support-agent" : "billing-agent",
                    ConsoleFixture.ALICE, NOW.minus(Duration.ofMinutes(10 * (7 - i)))));
        }
        ConsoleFixture.start(stores, GLOBEX, "support-agent", "gina@example.com", NOW);
        ConsoleFixture.move(stores, acme.get(6).id(), RolloutStatus.CANARY, 1, 10, Optional.of(96.5), NOW);
    }

    @Test
    void lists_a_tenants_rollouts_newest_first_page_by_page() {
        Page<RolloutRow> first = queries.list(ConsoleFixture.vera(), RolloutFilter.tenant(ACME), PageRequest.first(3));
        Page<RolloutRow> second = queries.list(ConsoleFixture.vera(), RolloutFilter.tenant(ACME),
                PageRequest.first(3).next(first));
        Page<RolloutRow> third = queries.list(ConsoleFixture.vera(), RolloutFilter.tenant(ACME),
                PageRequest.first(3).next(second));

        List<String> ids = new ArrayList<>();
        for (Page<RolloutRow> p : List.of(first, second, third)) {
            p.items().forEach(r -> ids.add(r.id()));
        }
        assertThat(ids).containsExactly(acme.get(6).id(), acme.get(5).id(), acme.get(4).id(), acme.get(3).id(),
                acme.get(2).id(), acme.get(1).id(), acme.get(0).id());
        assertThat(third.hasNext()).isFalse();
    }

    @Test
    void a_row_names_the_stage_from_the_policy_with_weight_score_and_age() {
        RolloutRow newest = queries.list(ConsoleFixture.vera(), RolloutFilter.tenant(ACME), PageRequest.first(1))
                .items().get(0);

        assertThat(newest.status()).isEqualTo(RolloutStatus.CANARY);
        assertThat(newest.stage()).isEqualTo("canary-1");
        assertThat(newest.trafficWeight()).isEqualTo(10);
        assertThat(newest.lastScore()).contains(96.5);
        assertThat(newest.age()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void filters_by_status_and_by_agent() {
        assertThat(queries.list(ConsoleFixture.vera(), new RolloutFilter(ACME, Optional.of(RolloutStatus.CANARY),
                Optional.empty()), PageRequest.first(10)).items()).extracting(RolloutRow::id)
                .containsExactly(acme.get(6).id());
        assertThat(queries.list(ConsoleFixture.vera(), new RolloutFilter(ACME, Optional.empty(),
                Optional.of("billing-agent")), PageRequest.first(10)).items()).hasSize(3)
                .allSatisfy(r -> assertThat(r.agent()).isEqualTo("billing-agent"));
        assertThat(queries.list(ConsoleFixture.vera(), new RolloutFilter(ACME, Optional.of(RolloutStatus.PENDING),
                Optional.of("support-agent")), PageRequest.first(10)).items()).hasSize(3);
    }

    @Test
    void another_tenants_rollouts_are_neither_listed_nor_found() {
        assertThatThrownBy(() -> queries.list(ConsoleFixture.vera(), RolloutFilter.tenant(GLOBEX),
                PageRequest.first(10))).isInstanceOf(AccessRefusedException.class);
        Rollout globex = stores.rollouts().listByTenant(GLOBEX, PageRequest.first(1)).items().get(0);
        assertThat(queries.find(ConsoleFixture.vera(), globex.id())).isEmpty();
        assertThat(queries.find(ConsoleFixture.olga(), globex.id())).isPresent();
    }
}
