package dev.rollgate.console.rollouts;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import dev.rollgate.console.operations.ActionResult;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Asks an operator for the mandatory reason (and, for a rerun, the stage) before an action is requested. */
final class ReasonDialog {
    private ReasonDialog() {
    }

    static void ask(String title, String confirmText, Function<String, ActionResult> action, Runnable done) {
        open(title, confirmText, List.of(), (stage, reason) -> action.apply(reason), done);
    }

    static void askWithStage(String title, List<String> stages, BiFunction<String, String, ActionResult> action,
                             Runnable done) {
        open(title, "Rerun", stages, action, done);
    }

    private static void open(String title, String confirmText, List<String> stages,
                             BiFunction<String, String, ActionResult> action, Runnable done) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(title);
        Select<String> stage = new Select<>();
        if (!stages.isEmpty()) {
            stage.setLabel("From stage");
            stage.setItems(stages);
            stage.setValue(stages.get(0));
            stage.setId("rerun-stage");
            dialog.add(stage);
        }
        TextArea reason = new TextArea("Reason (required)");
        reason.setId("action-reason");
        reason.setRequired(true);
        // A hint for the browser; OperatorActions enforces the byte limit whatever the page sends.
        reason.setMaxLength(dev.rollgate.core.state.StateLimits.MAX_TEXT_BYTES);
        reason.setWidthFull();
        dialog.add(reason);
        Button confirm = new Button(confirmText, e -> {
            ActionResult result = action.apply(stage.getValue(), reason.getValue());
            if (result instanceof ActionResult.Refused refused) {
                reason.setInvalid(true);
                reason.setErrorMessage(refused.why());
                return;
            }
            Notification.show("Requested; the history shows what the workflow does.", 4000,
                    Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            dialog.close();
            done.run();
        });
        confirm.setId("action-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> dialog.close());
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }
}
