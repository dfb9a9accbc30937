package dev.rollgate.console.security;

import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import dev.rollgate.console.approvals.ApprovalDecisionView;
import dev.rollgate.console.approvals.ApprovalDesk;
import dev.rollgate.console.approvals.ApprovalsView;
import dev.rollgate.console.approvals.DecisionResult;
import dev.rollgate.console.operations.ActionResult;
import dev.rollgate.console.operations.OperatorActions;
import dev.rollgate.console.policies.CorePolicyInterpreter;
import dev.rollgate.console.policies.PoliciesView;
import dev.rollgate.console.policies.PolicyDesk;
import dev.rollgate.console.policies.PublishResult;
import dev.rollgate.console.rollouts.HistoryVocabulary;
import dev.rollgate.console.rollouts.RolloutDetailView;
import dev.rollgate.console.rollouts.RolloutDetails;
import dev.rollgate.console.rollouts.RolloutFilter;
import dev.rollgate.console.rollouts.RolloutQueries;
import dev.rollgate.console.rollouts.RolloutsView;
import dev.rollgate.console.support.ConsoleFixture;
import dev.rollgate.core.approval.InMemoryApprovalCallback;
import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.operations.InMemoryRolloutControl;
import dev.rollgate.core.operations.RolloutControl;
import dev.rollgate.core.state.ApprovalRequest;
import dev.rollgate.core.state.ApprovalStatus;
import dev.rollgate.core.state.InMemoryStateStores;
import dev.rollgate.core.state.PageRequest;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.state.StateStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.core.GrantedAuthority;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.rollgate.console.support.ConsoleFixture.ACME;
import static dev.rollgate.console.support.ConsoleFixture.GLOBEX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's whole authorisation policy in two tables, and a test per cell that performs the action through the
 * real server-side service (or asks Vaadin's route access checker, for routes) and checks its effect: an allowed
 * cell must change state, a denied one must leave it untouched. The subject of every cell is a rollout of tenant
 * acme, started by REQUESTING_ADMIN, holding at canary-1 with a pending approval. docs/security.md explains it.
 */
class AuthorisationMatrixTest {
    /**
     * Role x action. Y allowed, N refused. START is not a console action at all (pipelines start rollouts through
     * the start function, see the handler matrix), so it has no column here.
     */
    static final String ACTIONS = """
            actor               VIEW  ABORT  RERUN  APPROVE  REJECT  EDIT_POLICY
            VIEWER              Y     N      N      N        N       N
            OPERATOR            Y     Y      Y      N        N       N
            APPROVER            Y     N      N      Y        Y       N
            ADMIN               Y     Y      Y      Y        Y       Y
            REQUESTING_ADMIN    Y     Y      Y      N        N       Y
            OTHER_TENANT_ADMIN  N     N      N      N        N       N
            """;

    /** Role x route: may the role navigate to the view at all (Vaadin checks it before the view is built). */
    static final String ROUTES = """
            actor               rollouts  rollout  approvals  approvals/decide  policies
            VIEWER              Y         Y        Y          N                 Y
            OPERATOR            Y         Y        Y          N                 Y
            APPROVER            Y         Y        Y          Y                 Y
            ADMIN               Y         Y        Y          Y                 Y
            REQUESTING_ADMIN    Y         Y        Y          Y                 Y
            OTHER_TENANT_ADMIN  Y         Y        Y          Y                 Y
            """;

    static final Map<String, Class<?>> ROUTE_CLASSES = Map.of("rollouts", RolloutsView.class,
            "rollout", RolloutDetailView.class, "approvals", ApprovalsView.class,
            "approvals/decide", ApprovalDecisionView.class, "policies", PoliciesView.class);

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final String REQUESTER = "rita@example.com";

    enum Actor {
        VIEWER(() -> ConsoleUser.of("vera@example.com", List.of(Role.VIEWER), List.of(ACME))),
        OPERATOR(() -> ConsoleUser.of("otto@example.com", List.of(Role.OPERATOR), List.of(ACME))),
        APPROVER(() -> ConsoleUser.of("bob@example.com", List.of(Role.APPROVER), List.of(ACME))),
        ADMIN(() -> ConsoleUser.of("ada@example.com", List.of(Role.ADMIN), List.of(ACME))),
        /** Holds every role but started the subject rollout: only four eyes stops them. */
        REQUESTING_ADMIN(() -> ConsoleUser.of(REQUESTER, List.of(Role.ADMIN), List.of(ACME))),
        /** Holds every role, in another tenant only: only tenant scope stops them. */
        OTHER_TENANT_ADMIN(() -> ConsoleUser.of("gina@example.com", List.of(Role.ADMIN), List.of(GLOBEX)));

        private final Supplier<ConsoleUser> user;

        Actor(Supplier<ConsoleUser> user) {
            this.user = user;
        }

        ConsoleUser user() {
            return user.get();
        }
    }

    enum Action {
        VIEW(World::view),
        ABORT(World::abort),
        RERUN(World::rerun),
        APPROVE((w, u) -> w.decide(u, ApprovalStatus.APPROVED)),
        REJECT((w, u) -> w.decide(u, ApprovalStatus.REJECTED)),
        EDIT_POLICY(World::publish);

        private final Attempt attempt;

        Action(Attempt attempt) {
            this.attempt = attempt;
        }
    }

    /** Performs an action as a user and answers whether it was allowed, checking its effect agrees. */
    @FunctionalInterface
    interface Attempt {
        boolean run(World world, ConsoleUser user);
    }

    static Stream<Arguments> actionCells() {
        return cells(ACTIONS).map(c -> Arguments.of(Actor.valueOf(c[0]), Action.valueOf(c[1]), c[2]));
    }

    static Stream<Arguments> routeCells() {
        return cells(ROUTES).map(c -> Arguments.of(Actor.valueOf(c[0]), c[1], c[2]));
    }

    @ParameterizedTest(name = "{0} x {1} -> {2}")
    @MethodSource("actionCells")
    void every_role_may_do_exactly_what_the_table_allows(Actor actor, Action action, String expected) {
        World world = new World();

        boolean allowed = action.attempt.run(world, actor.user());

        assertThat(allowed ? "Y" : "N").as("%s x %s", actor, action).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} x /{1} -> {2}")
    @MethodSource("routeCells")
    void every_role_reaches_exactly_the_routes_the_table_allows(Actor actor, String route, String expected) {
        ConsoleUser user = actor.user();
        Set<String> authorities = ConsoleUserDetails.authorities(user).stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        Principal principal = user::username;

        // The same check Vaadin's navigation access control makes, with Spring's ROLE_ prefix as in the app.
        boolean allowed = new AccessAnnotationChecker().hasAccess(ROUTE_CLASSES.get(route), principal,
                role -> authorities.contains("ROLE_" + role));

        assertThat(allowed ? "Y" : "N").as("%s x /%s", actor, route).isEqualTo(expected);
    }

    @Test
    void the_tables_cover_every_actor_action_and_route_exactly_once() {
        assertThat(cells(ACTIONS).map(c -> c[0] + "/" + c[1])).doesNotHaveDuplicates()
                .hasSize(Actor.values().length * Action.values().length);
        assertThat(cells(ROUTES).map(c -> c[1]).distinct()).containsExactlyInAnyOrderElementsOf(
                ROUTE_CLASSES.keySet());
        assertThat(cells(ROUTES).map(c -> c[0]).distinct()).containsExactlyInAnyOrder(
                Arrays.stream(Actor.values()).map(Enum::name).toArray(String[]::new));
    }

    @Test
    void a_stranger_reaches_no_route() {
        ROUTE_CLASSES.forEach((route, view) -> assertThat(new AccessAnnotationChecker().hasAccess(view, null,
                role -> false)).as("/%s without sign-in", route).isFalse());
    }

    /** Each row of a table as {actor, column, value}. */
    private static Stream<String[]> cells(String table) {
        List<String[]> rows = table.lines().filter(l -> !l.isBlank()).map(l -> l.trim().split("\\s+")).toList();
        String[] header = rows.get(0);
        return rows.stream().skip(1).flatMap(row -> {
            assertThat(row).as("row %s", row[0]).hasSameSizeAs(header);
            return java.util.stream.IntStream.range(1, row.length).mapToObj(i -> new String[]{row[0], header[i],
                    row[i]});
        });
    }

    /** A fresh console over in-memory state for one cell: the subject rollout, its approval and a policy. */
    static final class World {
        final StateStores stores = InMemoryStateStores.create();
        final InMemoryApprovalCallback callback = new InMemoryApprovalCallback();
        final InMemoryRolloutControl control = new InMemoryRolloutControl();
        final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        final CorePolicyInterpreter interpreter = new CorePolicyInterpreter();
        final RolloutQueries queries = new RolloutQueries(stores.rollouts(), interpreter, clock);
        final RolloutDetails details = new RolloutDetails(queries, stores.history(), stores.windows(),
                stores.approvals(), interpreter, clock);
        final ApprovalDesk approvals = new ApprovalDesk(stores.approvals(), stores.rollouts(), stores.history(),
                callback, clock);
        final OperatorActions operations;
        final PolicyDesk policies = new PolicyDesk(stores.policies(), interpreter, clock);
        final Rollout rollout;
        final ApprovalRequest approval;

        World() {
            StaticListableBeanFactory beans = new StaticListableBeanFactory();
            beans.addBean("control", control);
            operations = new OperatorActions(stores.rollouts(), stores.history(),
                    beans.getBeanProvider(RolloutControl.class), interpreter, clock);
            Rollout started = ConsoleFixture.start(stores, ACME, "support-agent", REQUESTER, NOW.minusSeconds(3600));
            rollout = ConsoleFixture.move(stores, started.id(), RolloutStatus.HOLD, 1, 10, Optional.empty(),
                    NOW.minusSeconds(600));
            approval = ConsoleFixture.requestApproval(stores, rollout, "canary-1", "policy-required",
                    NOW.minusSeconds(600), Duration.ofHours(4));
            stores.policies().publish(ACME, "default", 0, ConsoleFixture.POLICY_YAML, REQUESTER,
                    NOW.minusSeconds(7200));
        }

        /** Every read path of the console must agree: either all show the tenant's data or none does. */
        boolean view(ConsoleUser user) {
            boolean found = queries.find(user, rollout.id()).isPresent();
            boolean detail = details.load(user, rollout.id()).isPresent();
            boolean listed = refusedAsFalse(() -> queries.list(user, RolloutFilter.tenant(ACME),
                    PageRequest.first(50)).items().stream().anyMatch(r -> r.id().equals(rollout.id())));
            boolean pending = approvals.pending(user).stream().anyMatch(a -> a.id().equals(approval.id()));
            boolean policyListed = refusedAsFalse(() -> !policies.list(user, ACME, PageRequest.first(50)).items()
                    .isEmpty());
            boolean policyRead = refusedAsFalse(() -> policies.latest(user, ACME, "default").isPresent());
            assertThat(List.of(detail, listed, pending, policyListed, policyRead)).as("every read path agrees")
                    .containsOnly(found);
            return found;
        }

        boolean abort(ConsoleUser user) {
            ActionResult result = operations.abort(user, rollout.id(), "matrix abort");
            return operatorEffect(result, HistoryVocabulary.OPERATOR_ABORT);
        }

        boolean rerun(ConsoleUser user) {
            ActionResult result = operations.rerunFromStage(user, rollout.id(), "canary-1", "matrix rerun");
            return operatorEffect(result, HistoryVocabulary.OPERATOR_RERUN);
        }

        private boolean operatorEffect(ActionResult result, String historyType) {
            boolean allowed = result instanceof ActionResult.Requested;
            assertThat(control.requests()).as("workflow asked").hasSize(allowed ? 1 : 0);
            if (allowed) {
                assertThat(historyTypes()).as("history").contains(historyType);
            } else {
                assertThat(historyTypes()).as("history").doesNotContain(historyType);
            }
            return allowed;
        }

        boolean decide(ConsoleUser user, ApprovalStatus verdict) {
            boolean offered = approvals.whyNot(user, approval.id()).isEmpty();
            DecisionResult result = approvals.decide(user, approval.id(), verdict, "matrix decision");
            boolean allowed = result instanceof DecisionResult.Decided;
            assertThat(offered).as("the page offers the decision exactly when it is allowed").isEqualTo(allowed);
            assertThat(stores.approvals().get(approval.id()).orElseThrow().status()).as("stored status")
                    .isEqualTo(allowed ? verdict : ApprovalStatus.PENDING);
            assertThat(callback.deliveries()).as("workflow told").hasSize(allowed ? 1 : 0);
            return allowed;
        }

        boolean publish(ConsoleUser user) {
            PublishResult result = policies.publish(user, ACME, "default", ConsoleFixture.POLICY_YAML
                    + "# tightened by " + user.username() + "\n");
            boolean allowed = result instanceof PublishResult.Published;
            assertThat(stores.policies().latest(ACME, "default").orElseThrow().version()).as("latest version")
                    .isEqualTo(allowed ? 2 : 1);
            return allowed;
        }

        private List<String> historyTypes() {
            return stores.history().read(rollout.id(), PageRequest.first(100)).items().stream()
                    .map(e -> e.type()).toList();
        }

        private static boolean refusedAsFalse(Supplier<Boolean> read) {
            try {
                return read.get();
            } catch (AccessRefusedException e) {
                return false;
            }
        }
    }
}
