package dev.rollgate.console.rollouts;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import dev.rollgate.console.approvals.ApprovalDecisionView;
import dev.rollgate.console.approvals.ApprovalDesk;
import dev.rollgate.console.operations.OperatorActions;
import dev.rollgate.console.security.ConsoleUser;
import dev.rollgate.console.security.CurrentUser;
import dev.rollgate.console.security.Role;
import dev.rollgate.console.ui.ChartCanvas;
import dev.rollgate.console.ui.Durations;
import dev.rollgate.console.ui.Refreshable;
import dev.rollgate.console.ui.StatusBadge;
import dev.rollgate.core.state.ApprovalRequest;
import dev.rollgate.core.state.HistoryEvent;
import dev.rollgate.core.state.Rollout;
import jakarta.annotation.security.PermitAll;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One rollout: where it is (stage stepper, time in stage), how traffic moved, what the judge said per metric,
 * canary against baseline, the full history, and the actions the user's roles allow.
 */
@Route("rollout")
@PermitAll
public class RolloutDetailView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle,
        Refreshable {
    private final RolloutDetails details;
    private final ApprovalDesk approvalDesk;
    private final OperatorActions actions;
    private final ConsoleUser user;

    private final Div summary = new Div();
    private final Div stepper = new Div();
    private final HorizontalLayout actionBar = new HorizontalLayout();
    private final Div approval = new Div();
    private final ChartCanvas trafficChart = new ChartCanvas("220px");
    private final Select<String> metric = new Select<>();
    private final ChartCanvas comparisonChart = new ChartCanvas("260px");
    private final Div verdicts = new Div();
    private final Div timeline = new Div();
    private String rolloutId = "";
    private String title = "Rollout · rollgate";
    private RolloutDetail shown;
    /** The windows the charts have, so a poll reads only newer ones. */
    private ChartWindows charted = new ChartWindows("");

    public RolloutDetailView(RolloutDetails details, ApprovalDesk approvalDesk, OperatorActions actions,
                             CurrentUser currentUser) {
        this.details = details;
        this.approvalDesk = approvalDesk;
        this.actions = actions;
        this.user = currentUser.get();
        setWidthFull();
        summary.setId("rollout-summary");
        stepper.setId("stage-stepper");
        stepper.addClassName("rg-stepper");
        actionBar.setId("rollout-actions");
        approval.setId("pending-approval");
        trafficChart.setId("traffic-chart");
        comparisonChart.setId("comparison-chart");
        verdicts.setId("verdicts");
        verdicts.setWidthFull();
        timeline.setId("history-timeline");
        metric.setLabel("Metric");
        metric.setId("metric-select");
        metric.addValueChangeListener(e -> drawComparison());
        metric.setItemLabelGenerator(this::metricLabel);
        // Wide enough for a custom family's label with its kind, e.g. "eval_score (custom score, mean per window)".
        metric.setMinWidth("24em");
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        this.rolloutId = parameter;
        removeAll();
        charted = new ChartWindows(rolloutId);
        Optional<RolloutDetail> detail = details.load(user, rolloutId, charted);
        if (detail.isEmpty()) {
            Span missing = new Span("No rollout " + rolloutId + " in your tenants.");
            missing.setId("rollout-missing");
            add(new RouterLink("← Rollouts", RolloutsView.class), missing);
            return;
        }
        title = detail.get().rollout().agent() + " " + detail.get().rollout().candidateVersion() + " · rollgate";
        add(new RouterLink("← Rollouts", RolloutsView.class), summary, stepper, actionBar, approval,
                card("Traffic on the candidate", trafficChart),
                card("Canary vs baseline", metric, comparisonChart),
                card("Verdicts", verdicts), card("History", timeline));
        show(detail.get());
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    public void refresh() {
        if (shown != null) {
            details.load(user, rolloutId, charted).ifPresent(this::show);
        }
    }

    private static Component card(String heading, Component... content) {
        Div card = new Div();
        card.addClassName("rg-card");
        card.add(new H3(heading));
        card.add(content);
        return card;
    }

    private void show(RolloutDetail d) {
        boolean historyChanged = shown == null || shown.history().size() != d.history().size();
        boolean stateChanged = shown == null || shown.rollout().version() != d.rollout().version();
        shown = d;
        showSummary(d);
        if (stateChanged || historyChanged) {
            showStepper(d);
            showActions(d);
            showApproval(d.pendingApproval());
            showVerdicts(d.verdicts());
            showTimeline(d.history());
        }
        trafficChart.show(TrafficChartConfig.of(d.traffic()));
        List<String> metrics = d.comparisons().stream().map(MetricSeries::metric).toList();
        if (!metrics.equals(metricChoices)) {
            metricChoices = metrics;
            String keep = metric.getValue();
            metric.setItems(metrics);
            metric.setValue(metrics.contains(keep) ? keep : metrics.isEmpty() ? null : metrics.get(0));
        }
        drawComparison();
    }

    private List<String> metricChoices = List.of();

    private void showSummary(RolloutDetail d) {
        Rollout r = d.rollout();
        summary.removeAll();
        H2 heading = new H2(r.agent() + " " + r.baselineVersion() + " → " + r.candidateVersion());
        StatusBadge badge = new StatusBadge(r.state().status());
        badge.setId("rollout-status");
        Span stage = new Span("stage " + d.currentStage() + " for " + Durations.human(d.timeInStage()));
        stage.setId("current-stage");
        Span weight = new Span(r.state().trafficWeight() + "% traffic");
        weight.setId("traffic-weight");
        Span score = new Span("last score " + r.lastScore().map(s -> String.format(Locale.ROOT, "%.1f", s))
                .orElse("–"));
        HorizontalLayout line = new HorizontalLayout(badge, stage, weight, score);
        line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        Span meta = new Span("id " + r.id() + " · tenant " + r.tenant() + " · started by " + r.requester()
                + " · policy " + r.policyName() + " v" + r.policyVersion() + " · last reason "
                + r.state().lastReason() + " · created " + Durations.at(r.createdAt()));
        meta.addClassName("rg-muted");
        summary.add(heading, line, meta);
    }

    private void showStepper(RolloutDetail d) {
        stepper.removeAll();
        if (d.stages().isEmpty()) {
            stepper.add(new Span("The rollout's policy could not be read, so its stages are not shown."));
            return;
        }
        for (int i = 0; i < d.stages().size(); i++) {
            StageStep s = d.stages().get(i);
            if (i > 0) {
                Span arrow = new Span("→");
                arrow.addClassName("rg-step-arrow");
                stepper.add(arrow);
            }
            Div step = new Div();
            step.addClassName("rg-step");
            step.addClassName("rg-step-" + s.progress().name().toLowerCase(Locale.ROOT));
            step.getElement().setAttribute("data-stage", s.name());
            step.getElement().setAttribute("data-progress", s.progress().name());
            Span name = new Span(s.name());
            Span what = new Span(s.type() + " · " + s.weight() + "%");
            what.getElement().getStyle().set("display", "block");
            what.addClassName("rg-muted");
            step.add(name, what);
            stepper.add(step);
        }
    }

    private void showActions(RolloutDetail d) {
        actionBar.removeAll();
        if (!user.has(Role.OPERATOR)) {
            return;
        }
        Rollout r = d.rollout();
        if (!r.state().status().isTerminal()) {
            Button abort = new Button("Abort (roll back)", e -> ReasonDialog.ask("Abort " + r.id(),
                    "Abort and roll back", reason -> actions.abort(user, r.id(), reason), this::refresh));
            abort.addThemeVariants(ButtonVariant.LUMO_ERROR);
            abort.setId("abort-rollout");
            actionBar.add(abort);
        }
        if (!d.stages().isEmpty()) {
            Button rerun = new Button("Rerun from stage…", e -> ReasonDialog.askWithStage("Rerun " + r.id(),
                    d.stages().stream().map(StageStep::name).toList(),
                    (stage, reason) -> actions.rerunFromStage(user, r.id(), stage, reason), this::refresh));
            rerun.setId("rerun-rollout");
            actionBar.add(rerun);
        }
    }

    private void showApproval(Optional<ApprovalRequest> pending) {
        approval.removeAll();
        if (pending.isEmpty()) {
            approval.setVisible(false);
            return;
        }
        approval.setVisible(true);
        approval.addClassName("rg-card");
        ApprovalRequest a = pending.get();
        approval.add(new H3("Waiting for approval"));
        approval.add(new Span("Stage " + a.stage() + " · reason " + a.reason() + " · requested by " + a.requester()
                + " · deadline " + Durations.at(a.deadline())));
        Optional<String> whyNot = approvalDesk.whyNot(user, a.id());
        if (whyNot.isEmpty()) {
            RouterLink decide = new RouterLink("Approve or reject…", ApprovalDecisionView.class, a.id());
            decide.setId("decide-" + a.id());
            approval.add(new Div(decide));
        } else {
            Span why = new Span(whyNot.get());
            why.addClassName("rg-muted");
            why.setId("cannot-decide");
            approval.add(new Div(why));
        }
    }

    private void showVerdicts(List<Verdict> list) {
        verdicts.removeAll();
        if (list.isEmpty()) {
            verdicts.add(new Span("No evaluation yet."));
            return;
        }
        for (Verdict v : newestFirst(list)) {
            Div one = new Div();
            one.getElement().setAttribute("data-verdict", Long.toString(v.sequence()));
            one.add(new Span(Durations.at(v.at()) + " · stage " + v.stage() + " · score " + v.score() + " · "
                    + v.scoreClass()));
            if (!v.trigger().isEmpty()) {
                Div trigger = new Div();
                trigger.addClassName("rg-muted");
                trigger.getElement().setAttribute("data-trigger", "");
                trigger.setText("trigger " + v.trigger());
                one.add(trigger);
            }
            Grid<Verdict.MetricExplanation> grid = new Grid<>();
            grid.addThemeVariants(GridVariant.LUMO_COMPACT);
            grid.addColumn(Verdict.MetricExplanation::metric).setHeader("Metric").setAutoWidth(true);
            grid.addColumn(m -> m.kind().shortLabel()).setHeader("Kind").setAutoWidth(true);
            grid.addColumn(Verdict.MetricExplanation::result).setHeader("Result").setAutoWidth(true);
            grid.addColumn(Verdict.MetricExplanation::canary).setHeader("Canary");
            grid.addColumn(Verdict.MetricExplanation::baseline).setHeader("Baseline");
            grid.addColumn(Verdict.MetricExplanation::pValue).setHeader("p-value");
            grid.addColumn(Verdict.MetricExplanation::threshold).setHeader("Threshold");
            grid.addColumn(Verdict.MetricExplanation::explanation).setHeader("Explanation").setFlexGrow(3);
            grid.setItems(v.metrics());
            grid.setAllRowsVisible(true);
            one.add(grid);
            verdicts.add(one);
        }
    }

    private void showTimeline(List<HistoryEvent> events) {
        timeline.removeAll();
        for (HistoryEvent e : newestFirst(events)) {
            Div item = new Div();
            item.addClassName("rg-timeline-item");
            item.getElement().setAttribute("data-event", e.type());
            Span head = new Span("#" + e.sequence() + " " + Durations.at(e.at()) + " · " + e.type()
                    + (e.reasonCode().isEmpty() ? "" : " (" + e.reasonCode() + ")") + " · by " + e.actor());
            head.getElement().getStyle().set("font-weight", "600");
            item.add(new Div(head));
            Map<String, String> sorted = new TreeMap<>(e.detail());
            sorted.forEach((k, v) -> {
                Div line = new Div();
                line.addClassName("rg-muted");
                line.getElement().setAttribute("data-detail", k);
                // setText escapes: detail values (reasons typed by users) are shown as text, never as markup.
                line.setText(k + ": " + v);
                item.add(line);
            });
            timeline.add(item);
        }
    }

    private void drawComparison() {
        if (shown == null) {
            return;
        }
        String chosen = metric.getValue();
        Optional<MetricSeries> series = shown.comparisons().stream().filter(s -> s.metric().equals(chosen))
                .findFirst();
        comparisonChart.setVisible(series.isPresent());
        series.ifPresent(s -> comparisonChart.show(ComparisonChartConfig.of(s)));
    }

    /** Custom families are listed with their kind beside the built-in metrics. */
    private String metricLabel(String name) {
        if (shown == null) {
            return name;
        }
        return shown.comparisons().stream().filter(s -> s.metric().equals(name)).findFirst()
                .map(MetricSeries::title).orElse(name);
    }

    private static <T> List<T> newestFirst(List<T> oldestFirst) {
        List<T> copy = new ArrayList<>(oldestFirst);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
