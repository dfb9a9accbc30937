package dev.rollgate.console.ui;

import com.vaadin.flow.component.html.Span;
import dev.rollgate.core.lifecycle.RolloutStatus;

/** A coloured label for a rollout status (text set with setText, so it is always escaped). */
public final class StatusBadge extends Span {
    public StatusBadge(RolloutStatus status) {
        setText(status.name());
        addClassName("rg-badge");
        addClassName("rg-" + tone(status));
        getElement().setAttribute("data-status", status.name());
    }

    static String tone(RolloutStatus status) {
        return switch (status) {
            case PROMOTED -> "good";
            case ROLLED_BACK, ABORTED, FAILED, ROLLING_BACK -> "bad";
            case HOLD -> "warn";
            default -> "info";
        };
    }
}
