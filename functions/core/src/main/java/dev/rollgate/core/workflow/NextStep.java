package dev.rollgate.core.workflow;

/** What the workflow does after a handler returns; the ASL's Route state switches on these names. */
public enum NextStep {
    PREFLIGHT,
    SHIFT_TRAFFIC,
    OBSERVE,
    AWAIT_APPROVAL,
    ROLL_BACK,
    FINISH
}
