package dev.rollgate.statemachine.runner;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The local workflow runner: executes one {@link WorkflowDefinition} with Task resources bound to in-process
 * handlers, on a virtual clock that only moves when told to. Many executions run side by side; every method is safe
 * to call from any thread, and handlers may call back into the runner (start, callbacks) but not move the clock.
 *
 * <p>Starting an execution or delivering a callback runs the execution right away, on the caller's thread, until
 * it waits for the clock (a Wait state, a Retry interval), for a callback, or ends. Moving the clock fires due
 * timers of all executions in time order.
 */
public final class WorkflowRunner {
    /** The same bound as Step Functions' history limit, so a runaway loop fails instead of spinning. */
    public static final long DEFAULT_MAX_STATE_TRANSITIONS = 25_000;

    private final WorkflowDefinition definition;
    private final TaskHandlers handlers;
    private final IdSource ids;
    private final String stateMachineName;
    private final long maxStateTransitions;
    private final AtomicReference<Instant> clock;
    private final ReentrantLock clockLock = new ReentrantLock();
    private final Object startLock = new Object();
    private final Map<String, Execution> executions = new ConcurrentHashMap<>();
    private final Map<String, TokenSlot> tokens = new ConcurrentHashMap<>();

    private WorkflowRunner(Builder builder) {
        this.definition = Objects.requireNonNull(builder.definition, "definition");
        this.handlers = Objects.requireNonNull(builder.handlers, "handlers");
        this.ids = Objects.requireNonNull(builder.ids, "ids");
        this.stateMachineName = Objects.requireNonNull(builder.stateMachineName, "stateMachineName");
        this.clock = new AtomicReference<>(Objects.requireNonNull(builder.startTime, "startTime"));
        this.maxStateTransitions = builder.maxStateTransitions;
        definition.handlerKeysByTaskState().forEach((state, key) -> {
            if (handlers.find(key).isEmpty()) {
                throw new IllegalArgumentException("Task state '" + state + "' needs a handler bound to '" + key + "'");
            }
        });
    }

    public static Builder builder(WorkflowDefinition definition, TaskHandlers handlers) {
        return new Builder(definition, handlers);
    }

    /** The current virtual time. */
    public Instant now() {
        return clock.get();
    }

    /**
     * Starts an execution and runs it until it waits or ends. Like Step Functions' StartExecution, starting again
     * with the name and input of an open execution returns that execution; a different input, or a closed
     * execution of that name, is {@link ExecutionAlreadyExistsException}.
     */
    public Execution start(String executionName, String inputJson) {
        requireName(executionName);
        JsonNode input = Json.parse(inputJson, "the input of execution '" + executionName + "'");
        Execution execution;
        synchronized (startLock) {
            Execution existing = executions.get(executionName);
            if (existing != null) {
                if (!existing.status().isOpen()) {
                    throw new ExecutionAlreadyExistsException(executionName, "it is closed ("
                            + existing.status() + ")");
                }
                if (!existing.input().equals(input)) {
                    throw new ExecutionAlreadyExistsException(executionName, "it is running with a different input");
                }
                return existing;
            }
            execution = new Execution(this, executionName, input);
            executions.put(executionName, execution);
        }
        execution.requestDrive();
        return execution;
    }

    public Optional<Execution> execution(String executionName) {
        return Optional.ofNullable(executions.get(executionName));
    }

    /** All executions, oldest start first. */
    public List<Execution> executions() {
        return executions.values().stream()
                .sorted(Comparator.comparing(Execution::startTime).thenComparing(Execution::name)).toList();
    }

    /** SendTaskSuccess: the waiting task ends with {@code outputJson} as its result. */
    public CallbackOutcome sendTaskSuccess(String taskToken, String outputJson) {
        JsonNode output;
        try {
            output = Json.parse(outputJson, "the task output");
        } catch (IllegalArgumentException e) {
            return CallbackOutcome.INVALID_OUTPUT;
        }
        return settle(taskToken, new TokenSlot.Success(output));
    }

    /** SendTaskFailure: the waiting task fails with this error name and cause (then Retry/Catch apply). */
    public CallbackOutcome sendTaskFailure(String taskToken, String error, String cause) {
        return settle(taskToken, new TokenSlot.Failure(new ExecutionError(
                error == null ? "" : error, cause == null ? "" : cause)));
    }

    /** SendTaskHeartbeat: restarts the task's HeartbeatSeconds countdown. */
    public CallbackOutcome sendTaskHeartbeat(String taskToken) {
        TokenSlot slot = tokens.get(taskToken);
        if (slot == null) {
            return CallbackOutcome.INVALID_TOKEN;
        }
        if (!slot.isOpen()) {
            return CallbackOutcome.TASK_TIMED_OUT;
        }
        slot.heartbeat(now());
        slot.owner().requestDrive();
        return CallbackOutcome.ACCEPTED;
    }

    private CallbackOutcome settle(String taskToken, TokenSlot.Settlement settlement) {
        TokenSlot slot = taskToken == null ? null : tokens.get(taskToken);
        if (slot == null) {
            return CallbackOutcome.INVALID_TOKEN;
        }
        if (!slot.settle(settlement)) {
            return CallbackOutcome.TASK_TIMED_OUT;
        }
        slot.owner().requestDrive();
        return CallbackOutcome.ACCEPTED;
    }

    /** StopExecution: an open execution ends ABORTED; false when there is no open execution of that name. */
    public boolean stop(String executionName, String error, String cause) {
        Execution execution = executions.get(executionName);
        if (execution == null || !execution.status().isOpen()) {
            return false;
        }
        execution.abort(error == null ? "" : error, cause == null ? "" : cause);
        return true;
    }

    /** The earliest time the clock has something to do for any execution. */
    public Optional<Instant> nextWakeUp() {
        return executions.values().stream().flatMap(e -> e.nextWakeUp().stream()).min(Instant::compareTo);
    }

    public void advanceBy(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the virtual clock cannot go back (" + duration + ")");
        }
        advanceTo(now().plus(duration));
    }

    /** Moves the clock to {@code target}, firing every timer due on the way, in time order. */
    public void advanceTo(Instant target) {
        withClock(() -> {
            if (target.isBefore(now())) {
                throw new IllegalArgumentException("the virtual clock cannot go back from " + now() + " to " + target);
            }
            Optional<Map.Entry<Execution, Instant>> due;
            while ((due = nextDue(target)).isPresent()) {
                clock.set(max(now(), due.get().getValue()));
                due.get().getKey().driveWaiting();
            }
            clock.set(target);
        });
    }

    /**
     * Moves the clock, timer by timer, until the execution waits for a callback or has ended, or until
     * {@code maxVirtualTime} has passed. Returns the execution's status then.
     */
    public ExecutionStatus runUntilSettled(Execution execution, Duration maxVirtualTime) {
        Instant horizon = now().plus(maxVirtualTime);
        withClock(() -> {
            while (execution.status() == ExecutionStatus.RUNNING) {
                Optional<Instant> next = nextWakeUp().filter(at -> !at.isAfter(horizon));
                if (next.isEmpty()) {
                    break;
                }
                advanceTo(max(now(), next.get()));
            }
        });
        return execution.status();
    }

    /** The execution with the earliest wake-up at or before target (ties by name, for reproducible runs). */
    private Optional<Map.Entry<Execution, Instant>> nextDue(Instant target) {
        Map.Entry<Execution, Instant> earliest = null;
        for (Execution execution : executions.values()) {
            Optional<Instant> wakeUp = execution.nextWakeUp();
            if (wakeUp.isEmpty() || wakeUp.get().isAfter(target)) {
                continue;
            }
            if (earliest == null || wakeUp.get().isBefore(earliest.getValue())
                    || (wakeUp.get().equals(earliest.getValue())
                    && execution.name().compareTo(earliest.getKey().name()) < 0)) {
                earliest = Map.entry(execution, wakeUp.get());
            }
        }
        return Optional.ofNullable(earliest);
    }

    private void withClock(Runnable action) {
        if (Execution.isInsideHandler()) {
            throw new IllegalStateException("a task handler must not move the virtual clock");
        }
        clockLock.lock();
        try {
            action.run();
        } finally {
            clockLock.unlock();
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static void requireName(String executionName) {
        if (executionName == null || executionName.isBlank() || executionName.length() > 80
                || !executionName.matches("[A-Za-z0-9_\\-]+")) {
            throw new IllegalArgumentException("an execution name needs 1 to 80 letters, digits, '-' or '_', got '"
                    + executionName + "'");
        }
    }

    // ---------------------------------------------------------------- for Execution

    WorkflowDefinition definition() {
        return definition;
    }

    IdSource ids() {
        return ids;
    }

    long maxStateTransitions() {
        return maxStateTransitions;
    }

    String stateMachineName() {
        return stateMachineName;
    }

    String stateMachineArn() {
        return "arn:aws:states:local:000000000000:stateMachine:" + stateMachineName;
    }

    TaskHandler handlerFor(String key) {
        return handlers.find(key).orElseThrow(() -> new IllegalStateException("no handler bound to " + key));
    }

    TokenSlot issueToken(Execution owner) {
        TokenSlot slot = new TokenSlot(ids.nextId(), owner, now());
        if (tokens.putIfAbsent(slot.token(), slot) != null) {
            throw new IllegalStateException("the id source handed out a task token twice");
        }
        return slot;
    }

    public static final class Builder {
        private final WorkflowDefinition definition;
        private final TaskHandlers handlers;
        private IdSource ids = IdSource.random();
        private Instant startTime = Instant.parse("2026-01-01T00:00:00Z");
        private String stateMachineName = "rollout";
        private long maxStateTransitions = DEFAULT_MAX_STATE_TRANSITIONS;

        private Builder(WorkflowDefinition definition, TaskHandlers handlers) {
            this.definition = definition;
            this.handlers = handlers;
        }

        /** Where task tokens and States.UUID values come from; random unless set. */
        public Builder ids(IdSource value) {
            this.ids = value;
            return this;
        }

        /** The virtual clock's initial time. */
        public Builder startTime(Instant value) {
            this.startTime = value;
            return this;
        }

        /** The name in {@code $$.StateMachine.Name} and in execution ids. */
        public Builder stateMachineName(String value) {
            this.stateMachineName = value;
            return this;
        }

        public Builder maxStateTransitions(long value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxStateTransitions must be positive");
            }
            this.maxStateTransitions = value;
            return this;
        }

        public WorkflowRunner build() {
            return new WorkflowRunner(this);
        }
    }
}
