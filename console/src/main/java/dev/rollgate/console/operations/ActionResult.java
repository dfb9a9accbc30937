package dev.rollgate.console.operations;

/** What an operator action did, in words the page can show. */
public sealed interface ActionResult {
    /** Recorded in history and handed to the workflow. */
    record Requested() implements ActionResult {
    }

    /** Not allowed or not valid (role, tenant, finished rollout, unknown stage, blank reason), or refused. */
    record Refused(String why) implements ActionResult {
    }
}
