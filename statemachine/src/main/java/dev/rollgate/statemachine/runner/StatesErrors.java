package dev.rollgate.statemachine.runner;

/** The predefined ASL error names the runner produces or matches. */
final class StatesErrors {
    static final String ALL = "States.ALL";
    static final String TASK_FAILED = "States.TaskFailed";
    static final String TIMEOUT = "States.Timeout";
    static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
    static final String RUNTIME = "States.Runtime";
    static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";

    private StatesErrors() {
    }

    /**
     * Whether a Retry/Catch ErrorEquals entry matches an error, as Step Functions does: names match exactly;
     * States.ALL matches everything except States.Runtime; States.TaskFailed matches everything except
     * States.Timeout and States.Runtime.
     */
    static boolean matches(String errorEquals, String error) {
        if (errorEquals.equals(error)) {
            return true;
        }
        if (RUNTIME.equals(error)) {
            return false;
        }
        if (ALL.equals(errorEquals)) {
            return true;
        }
        return TASK_FAILED.equals(errorEquals) && !TIMEOUT.equals(error);
    }
}
