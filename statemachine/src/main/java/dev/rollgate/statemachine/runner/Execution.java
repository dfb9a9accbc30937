package dev.rollgate.statemachine.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * One execution of a {@link WorkflowDefinition} inside a {@link WorkflowRunner}: the handle callers read status,
 * output, error and history from, and the interpreter that moves it from state to state. All stepping happens under
 * the execution's lock; reads are safe from any thread.
 */
public final class Execution {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final ThreadLocal<Boolean> IN_HANDLER = ThreadLocal.withInitial(() -> Boolean.FALSE);

    /** What the interpreter does next. */
    private enum Phase { ENTER, ATTEMPT, WAIT, RETRY_BACKOFF, CALLBACK, DONE }

    private final WorkflowRunner runner;
    private final WorkflowDefinition definition;
    private final String name;
    private final String arn;
    private final JsonNode input;
    private final Instant startTime;
    private final Optional<Instant> timeoutAt;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicBoolean driveRequested = new AtomicBoolean();
    private final List<ExecutionEvent> history = new ArrayList<>();

    private volatile ExecutionStatus status = ExecutionStatus.RUNNING;
    private volatile JsonNode output;
    private volatile ExecutionError error;
    private volatile Instant stopTime;
    private volatile String stateName;
    private volatile Instant wakeUpAt;
    private Instant timerDue;
    private volatile TokenSlot pendingToken;

    // Interpreter state, touched only under the lock.
    private Phase phase = Phase.ENTER;
    private JsonNode stateInput;
    private Instant stateEnteredAt;
    private int[] retriesByRetrier = new int[0];
    private int retryCount;
    private JsonNode waitOutput;
    private Optional<Instant> callbackTimeoutAt = Optional.empty();
    private Optional<Duration> heartbeat = Optional.empty();
    private long transitions;

    Execution(WorkflowRunner runner, String name, JsonNode input) {
        this.runner = runner;
        this.definition = runner.definition();
        this.name = name;
        this.arn = runner.stateMachineArn().replace(":stateMachine:", ":execution:") + ":" + name;
        this.input = input.deepCopy();
        this.startTime = runner.now();
        this.timeoutAt = definition.timeoutSeconds().map(startTime::plusSeconds);
        this.stateName = definition.startAt();
        this.stateInput = input.deepCopy();
        record(ExecutionEventType.EXECUTION_STARTED, null, details("input", input));
    }

    public String name() {
        return name;
    }

    /** An ARN-shaped id, as {@code $$.Execution.Id} shows it. */
    public String executionArn() {
        return arn;
    }

    public JsonNode input() {
        return input.deepCopy();
    }

    public Instant startTime() {
        return startTime;
    }

    public ExecutionStatus status() {
        return status;
    }

    public Optional<JsonNode> output() {
        JsonNode value = output;
        return value == null ? Optional.empty() : Optional.of(value.deepCopy());
    }

    public Optional<String> outputJson() {
        return output().map(Json::write);
    }

    public Optional<ExecutionError> error() {
        return Optional.ofNullable(error);
    }

    public Optional<Instant> stopTime() {
        return Optional.ofNullable(stopTime);
    }

    /** The state being run or waited in; empty once the execution closed. */
    public Optional<String> currentState() {
        return status.isOpen() ? Optional.ofNullable(stateName) : Optional.empty();
    }

    /** The token the execution is waiting for, while it is WAITING_FOR_CALLBACK. */
    public Optional<String> pendingTaskToken() {
        TokenSlot slot = pendingToken;
        return slot != null && slot.isOpen() ? Optional.of(slot.token()) : Optional.empty();
    }

    /** When the virtual clock next has something to do for this execution (a Wait, a retry, a timeout). */
    public Optional<Instant> nextWakeUp() {
        return status.isOpen() ? Optional.ofNullable(wakeUpAt) : Optional.empty();
    }

    /** A snapshot of the history so far, oldest first. */
    public List<ExecutionEvent> history() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    /** The history events of one type, oldest first. */
    public List<ExecutionEvent> history(ExecutionEventType type) {
        return history().stream().filter(event -> event.type() == type).toList();
    }

    /** The names of the states entered, in order: a compact view of the path taken. */
    public List<String> statesEntered() {
        return history(ExecutionEventType.STATE_ENTERED).stream()
                .flatMap(event -> event.stateName().stream()).toList();
    }

    // ---------------------------------------------------------------- driving

    /**
     * Runs the execution as far as it can go now. Safe to call from any thread and from inside a handler of this
     * same execution (the outer run then picks the request up); never blocks on another thread's run.
     */
    void requestDrive() {
        driveRequested.set(true);
        if (lock.isHeldByCurrentThread()) {
            return;
        }
        while (driveRequested.get() && lock.tryLock()) {
            try {
                driveRequested.set(false);
                driveLocked();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Like {@link #requestDrive()} but waits for a concurrent run to finish, so a due timer surely fires. */
    void driveWaiting() {
        lock.lock();
        try {
            driveRequested.set(false);
            driveLocked();
        } finally {
            lock.unlock();
        }
        if (driveRequested.get()) {
            requestDrive();
        }
    }

    void abort(String abortError, String abortCause) {
        lock.lock();
        try {
            if (status.isOpen()) {
                closePendingToken();
                close(ExecutionStatus.ABORTED, null, new ExecutionError(abortError, abortCause),
                        ExecutionEventType.EXECUTION_ABORTED);
            }
        } finally {
            lock.unlock();
        }
    }

    private void driveLocked() {
        while (status.isOpen()) {
            Instant now = runner.now();
            if (timeoutAt.isPresent() && !now.isBefore(timeoutAt.get())) {
                closePendingToken();
                close(ExecutionStatus.TIMED_OUT, null, new ExecutionError(StatesErrors.TIMEOUT,
                        "the execution ran longer than its TimeoutSeconds"), ExecutionEventType.EXECUTION_TIMED_OUT);
                return;
            }
            if (!step(now)) {
                updateWakeUp();
                return;
            }
        }
    }

    /** One interpreter step; false when the execution has to wait for the clock or a callback. */
    private boolean step(Instant now) {
        try {
            switch (phase) {
                case ENTER -> enterState(now);
                case ATTEMPT -> attempt(now);
                case WAIT -> {
                    if (now.isBefore(timerDue)) {
                        return false;
                    }
                    exitState(waitOutput);
                }
                case RETRY_BACKOFF -> {
                    if (now.isBefore(timerDue)) {
                        return false;
                    }
                    phase = Phase.ATTEMPT;
                }
                case CALLBACK -> {
                    return checkCallback(now);
                }
                case DONE -> {
                    return false;
                }
            }
        } catch (StatesErrorException e) {
            handleError(e.error());
        }
        return true;
    }

    private void enterState(Instant now) {
        if (++transitions > runner.maxStateTransitions()) {
            fail(new ExecutionError(StatesErrors.RUNTIME, "the execution entered more than "
                    + runner.maxStateTransitions() + " states (a loop without end?)"));
            return;
        }
        stateEnteredAt = now;
        retriesByRetrier = new int[definition.retriers(stateName).size()];
        retryCount = 0;
        record(ExecutionEventType.STATE_ENTERED, stateName, details("input", stateInput));
        phase = Phase.ATTEMPT;
    }

    private void attempt(Instant now) {
        JsonNode state = definition.state(stateName);
        switch (state.get("Type").asText()) {
            case "Pass" -> runPass(state);
            case "Task" -> runTask(state, now);
            case "Choice" -> runChoice(state);
            case "Wait" -> runWait(state, now);
            case "Succeed" -> {
                JsonNode result = applyOutputPath(state, applyInputPath(state, stateInput));
                record(ExecutionEventType.STATE_EXITED, stateName, details("output", result));
                succeed(result);
            }
            case "Fail" -> runFail(state);
            default -> throw new UnsupportedAslFeatureException(where(), "state type " + state.get("Type"));
        }
    }

    // ---------------------------------------------------------------- states

    private void runPass(JsonNode state) {
        JsonNode effective = effectiveInput(state, contextObject(Optional.empty()));
        JsonNode result = state.has("Result") ? state.get("Result").deepCopy() : effective;
        finishWithResult(state, result);
    }

    private void runChoice(JsonNode state) {
        JsonNode context = contextObject(Optional.empty());
        JsonNode effective = applyInputPath(state, stateInput);
        JsonNode choices = state.get("Choices");
        String next = null;
        for (int i = 0; i < choices.size() && next == null; i++) {
            if (ChoiceRules.matches(choices.get(i), effective, context, where() + " Choices[" + i + "]")) {
                next = choices.get(i).get("Next").asText();
            }
        }
        if (next == null && state.has("Default")) {
            next = state.get("Default").asText();
        }
        if (next == null) {
            fail(new ExecutionError(StatesErrors.NO_CHOICE_MATCHED,
                    where() + ": no choice rule matched and there is no Default"));
            return;
        }
        JsonNode result = applyOutputPath(state, effective);
        record(ExecutionEventType.STATE_EXITED, stateName, details("output", result));
        goTo(next, result);
    }

    private void runWait(JsonNode state, Instant now) {
        JsonNode context = contextObject(Optional.empty());
        JsonNode effective = applyInputPath(state, stateInput);
        Instant until;
        if (state.has("Seconds")) {
            until = now.plusSeconds(state.get("Seconds").asLong());
        } else if (state.has("SecondsPath")) {
            JsonNode seconds = JsonPaths.read(state.get("SecondsPath").asText(), effective, context, where());
            if (!seconds.isIntegralNumber() || seconds.asLong() < 0) {
                throw StatesErrorException.runtime(where() + ": SecondsPath must select a non-negative integer");
            }
            until = now.plusSeconds(seconds.asLong());
        } else {
            JsonNode timestamp = state.has("Timestamp") ? state.get("Timestamp")
                    : JsonPaths.read(state.get("TimestampPath").asText(), effective, context, where());
            until = ChoiceRules.timestamp(timestamp).orElseThrow(() -> StatesErrorException.runtime(
                    where() + ": TimestampPath must select an RFC 3339 timestamp"));
        }
        waitOutput = applyOutputPath(state, effective);
        timerDue = until;
        record(ExecutionEventType.WAIT_STARTED, stateName, details("until", Json.NODES.textNode(format(until))));
        phase = Phase.WAIT;
    }

    private void runFail(JsonNode state) {
        JsonNode context = contextObject(Optional.empty());
        String failError = state.has("ErrorPath")
                ? textAt(state.get("ErrorPath").asText(), context) : state.path("Error").asText("");
        String failCause = state.has("CausePath")
                ? textAt(state.get("CausePath").asText(), context) : state.path("Cause").asText("");
        fail(new ExecutionError(failError, failCause));
    }

    private String textAt(String path, JsonNode context) {
        JsonNode value = JsonPaths.read(path, stateInput, context, where());
        if (!value.isTextual()) {
            throw StatesErrorException.runtime(where() + ": '" + path + "' must select a string");
        }
        return value.asText();
    }

    private void runTask(JsonNode state, Instant now) {
        TaskTarget target = definition.taskTarget(stateName);
        TokenSlot slot = target.waitForTaskToken() ? runner.issueToken(this) : null;
        JsonNode context = contextObject(Optional.ofNullable(slot).map(TokenSlot::token));
        JsonNode effective;
        try {
            effective = effectiveInput(state, context);
        } catch (StatesErrorException e) {
            closeToken(slot);
            throw e;
        }
        ObjectNode scheduled = Json.object();
        scheduled.put("resource", target.resource());
        scheduled.set("parameters", effective);
        record(ExecutionEventType.TASK_SCHEDULED, stateName, scheduled);
        JsonNode handlerInput = target.lambdaInvoke() ? effective.path("Payload") : effective;
        if (handlerInput.isMissingNode()) {
            closeToken(slot);
            throw StatesErrorException.runtime(where() + ": lambda:invoke Parameters have no Payload");
        }
        TaskHandler handler = runner.handlerFor(target.handlerKey());
        JsonNode result;
        boolean outerHandler = IN_HANDLER.get();
        IN_HANDLER.set(Boolean.TRUE);
        try {
            result = handler.handle(handlerInput.deepCopy());
        } catch (TaskFailure failure) {
            closeToken(slot);
            taskFailed(new ExecutionError(failure.errorName(), failure.errorCause()));
            return;
        } catch (RuntimeException unexpected) {
            // Step Functions reports an unhandled Lambda exception with its type as the error name.
            closeToken(slot);
            taskFailed(new ExecutionError(unexpected.getClass().getName(),
                    String.valueOf(unexpected.getMessage())));
            return;
        } finally {
            IN_HANDLER.set(outerHandler);
        }
        if (slot != null) {
            pendingToken = slot;
            callbackTimeoutAt = secondsField(state, "TimeoutSeconds", context).map(now::plusSeconds);
            heartbeat = secondsField(state, "HeartbeatSeconds", context).map(Duration::ofSeconds);
            record(ExecutionEventType.TASK_SUBMITTED, stateName, details("resource",
                    Json.NODES.textNode(target.resource())));
            phase = Phase.CALLBACK;
            return;
        }
        JsonNode taskResult = result == null ? Json.NODES.nullNode() : result;
        if (target.lambdaInvoke()) {
            taskResult = lambdaInvokeResult(taskResult);
        }
        record(ExecutionEventType.TASK_SUCCEEDED, stateName, details("output", taskResult));
        finishWithResult(state, taskResult);
    }

    private static JsonNode lambdaInvokeResult(JsonNode payload) {
        ObjectNode wrapped = Json.object();
        wrapped.put("ExecutedVersion", "$LATEST");
        wrapped.set("Payload", payload);
        wrapped.put("StatusCode", 200);
        return wrapped;
    }

    private Optional<Long> secondsField(JsonNode state, String field, JsonNode context) {
        if (state.has(field)) {
            return Optional.of(state.get(field).asLong());
        }
        if (state.has(field + "Path")) {
            JsonNode value = JsonPaths.read(state.get(field + "Path").asText(), stateInput, context, where());
            if (!value.isIntegralNumber() || value.asLong() <= 0) {
                throw StatesErrorException.runtime(where() + ": " + field + "Path must select a positive integer");
            }
            return Optional.of(value.asLong());
        }
        return Optional.empty();
    }

    private boolean checkCallback(Instant now) {
        TokenSlot slot = pendingToken;
        Optional<Instant> heartbeatDue = heartbeat.map(slot.lastHeartbeat()::plus);
        Optional<TokenSlot.Settlement> settlement = slot.settlement();
        if (settlement.isEmpty()) {
            boolean timedOut = callbackTimeoutAt.map(at -> !now.isBefore(at)).orElse(false);
            boolean heartbeatMissed = heartbeatDue.map(at -> !now.isBefore(at)).orElse(false);
            if (!timedOut && !heartbeatMissed) {
                return false;
            }
            if (slot.settle(new TokenSlot.Closed())) {
                pendingToken = null;
                ExecutionError timeout = timedOut
                        ? new ExecutionError(StatesErrors.TIMEOUT, where() + ": no callback within TimeoutSeconds")
                        : new ExecutionError(StatesErrors.HEARTBEAT_TIMEOUT,
                                where() + ": no heartbeat within HeartbeatSeconds");
                record(ExecutionEventType.TASK_TIMED_OUT, stateName, errorDetails(timeout));
                handleError(timeout);
                return true;
            }
            settlement = slot.settlement();
        }
        pendingToken = null;
        TokenSlot.Settlement settled = settlement.orElseThrow();
        if (settled instanceof TokenSlot.Success success) {
            record(ExecutionEventType.TASK_SUCCEEDED, stateName, details("output", success.output()));
            try {
                finishWithResult(definition.state(stateName), success.output());
            } catch (StatesErrorException e) {
                handleError(e.error());
            }
        } else if (settled instanceof TokenSlot.Failure failure) {
            taskFailed(failure.error());
        }
        return true;
    }

    // ---------------------------------------------------------------- errors

    private void taskFailed(ExecutionError taskError) {
        record(ExecutionEventType.TASK_FAILED, stateName, errorDetails(taskError));
        handleError(taskError);
    }

    /** Retry first (the first retrier whose ErrorEquals matches decides), then Catch, else the execution fails. */
    private void handleError(ExecutionError stateError) {
        List<Retrier> retriers = definition.retriers(stateName);
        for (int i = 0; i < retriers.size(); i++) {
            Retrier retrier = retriers.get(i);
            if (!retrier.matches(stateError.error())) {
                continue;
            }
            if (retriesByRetrier[i] < retrier.maxAttempts()) {
                Duration delay = retrier.delayBeforeRetry(retriesByRetrier[i]);
                retriesByRetrier[i]++;
                retryCount++;
                timerDue = runner.now().plus(delay);
                ObjectNode retry = errorDetails(stateError);
                retry.put("retry", retriesByRetrier[i]);
                retry.put("delayMillis", delay.toMillis());
                retry.put("retryAt", format(timerDue));
                record(ExecutionEventType.TASK_RETRY_SCHEDULED, stateName, retry);
                phase = Phase.RETRY_BACKOFF;
                return;
            }
            break;
        }
        for (Catcher catcher : definition.catchers(stateName)) {
            if (catcher.matches(stateError.error())) {
                JsonNode errorOutput;
                try {
                    errorOutput = catcher.resultPath()
                            .map(path -> JsonPaths.placeResult(path, stateInput, Json.error(stateError), where()))
                            .orElse(stateInput);
                } catch (StatesErrorException e) {
                    fail(e.error());
                    return;
                }
                ObjectNode caught = errorDetails(stateError);
                caught.put("next", catcher.next());
                record(ExecutionEventType.ERROR_CAUGHT, stateName, caught);
                record(ExecutionEventType.STATE_EXITED, stateName, details("output", errorOutput));
                goTo(catcher.next(), errorOutput);
                return;
            }
        }
        fail(stateError);
    }

    // ---------------------------------------------------------------- input and output processing

    private JsonNode effectiveInput(JsonNode state, JsonNode context) {
        JsonNode effective = applyInputPath(state, stateInput);
        if (state.has("Parameters")) {
            effective = PayloadTemplates.apply(state.get("Parameters"), effective, context, runner.ids(),
                    where() + " Parameters");
        }
        return effective;
    }

    private JsonNode applyInputPath(JsonNode state, JsonNode raw) {
        return selectPath(state, "InputPath", raw);
    }

    private JsonNode applyOutputPath(JsonNode state, JsonNode value) {
        return selectPath(state, "OutputPath", value);
    }

    private JsonNode selectPath(JsonNode state, String field, JsonNode value) {
        if (!state.has(field)) {
            return value;
        }
        if (state.get(field).isNull()) {
            return Json.object();
        }
        return JsonPaths.read(state.get(field).asText(), value, contextObject(Optional.empty()),
                where() + " " + field);
    }

    /** ResultSelector, ResultPath, OutputPath, then the transition. */
    private void finishWithResult(JsonNode state, JsonNode result) {
        JsonNode selected = result;
        if (state.has("ResultSelector")) {
            selected = PayloadTemplates.apply(state.get("ResultSelector"), result, contextObject(Optional.empty()),
                    runner.ids(), where() + " ResultSelector");
        }
        JsonNode combined;
        if (!state.has("ResultPath")) {
            combined = selected;
        } else if (state.get("ResultPath").isNull()) {
            combined = stateInput;
        } else {
            combined = JsonPaths.placeResult(state.get("ResultPath").asText(), stateInput, selected, where());
        }
        exitState(applyOutputPath(state, combined));
    }

    private void exitState(JsonNode stateOutput) {
        JsonNode state = definition.state(stateName);
        record(ExecutionEventType.STATE_EXITED, stateName, details("output", stateOutput));
        if (state.path("End").asBoolean(false)) {
            succeed(stateOutput);
        } else {
            goTo(state.get("Next").asText(), stateOutput);
        }
    }

    private void goTo(String next, JsonNode nextInput) {
        stateName = next;
        stateInput = nextInput;
        timerDue = null;
        phase = Phase.ENTER;
    }

    /** The context object ($$) as Step Functions shows it, for the current state. */
    private JsonNode contextObject(Optional<String> taskToken) {
        ObjectNode context = Json.object();
        ObjectNode execution = context.putObject("Execution");
        execution.put("Id", arn);
        execution.put("Name", name);
        execution.set("Input", input.deepCopy());
        execution.put("StartTime", format(startTime));
        ObjectNode machine = context.putObject("StateMachine");
        machine.put("Id", runner.stateMachineArn());
        machine.put("Name", runner.stateMachineName());
        ObjectNode state = context.putObject("State");
        state.put("Name", stateName);
        state.put("EnteredTime", format(stateEnteredAt));
        state.put("RetryCount", retryCount);
        taskToken.ifPresent(token -> context.putObject("Task").put("Token", token));
        return context;
    }

    // ---------------------------------------------------------------- closing

    private void succeed(JsonNode result) {
        close(ExecutionStatus.SUCCEEDED, result, null, ExecutionEventType.EXECUTION_SUCCEEDED);
    }

    private void fail(ExecutionError failure) {
        closePendingToken();
        close(ExecutionStatus.FAILED, null, failure, ExecutionEventType.EXECUTION_FAILED);
    }

    private void close(ExecutionStatus finalStatus, JsonNode result, ExecutionError failure,
                       ExecutionEventType eventType) {
        output = result == null ? null : result.deepCopy();
        error = failure;
        stopTime = runner.now();
        phase = Phase.DONE;
        wakeUpAt = null;
        record(eventType, null, failure != null ? errorDetails(failure) : details("output",
                result == null ? Json.NODES.nullNode() : result));
        status = finalStatus;
    }

    private void closePendingToken() {
        TokenSlot slot = pendingToken;
        pendingToken = null;
        closeToken(slot);
    }

    private void closeToken(TokenSlot slot) {
        if (slot != null) {
            // The runner keeps the slot, so a late callback is told TASK_TIMED_OUT rather than INVALID_TOKEN.
            slot.settle(new TokenSlot.Closed());
        }
    }

    private void updateWakeUp() {
        if (phase == Phase.CALLBACK) {
            TokenSlot slot = pendingToken;
            Optional<Instant> heartbeatDue = slot == null ? Optional.empty()
                    : heartbeat.map(slot.lastHeartbeat()::plus);
            wakeUpAt = Stream.of(callbackTimeoutAt, heartbeatDue, timeoutAt)
                    .flatMap(Optional::stream).min(Instant::compareTo).orElse(null);
            status = ExecutionStatus.WAITING_FOR_CALLBACK;
            return;
        }
        if (phase == Phase.WAIT || phase == Phase.RETRY_BACKOFF) {
            wakeUpAt = timeoutAt.filter(at -> at.isBefore(timerDue)).orElse(timerDue);
        } else {
            wakeUpAt = null;
        }
        if (status.isOpen()) {
            status = ExecutionStatus.RUNNING;
        }
    }

    // ---------------------------------------------------------------- history helpers

    private void record(ExecutionEventType type, String state, JsonNode eventDetails) {
        synchronized (history) {
            history.add(new ExecutionEvent(history.size() + 1L, runner.now(), type, Optional.ofNullable(state),
                    eventDetails));
        }
    }

    private static ObjectNode details(String field, JsonNode value) {
        ObjectNode node = Json.object();
        node.set(field, value == null ? Json.NODES.nullNode() : value.deepCopy());
        return node;
    }

    private static ObjectNode errorDetails(ExecutionError failure) {
        return Json.error(failure);
    }

    private String where() {
        return "state '" + stateName + "'";
    }

    static boolean isInsideHandler() {
        return IN_HANDLER.get();
    }

    static String format(Instant instant) {
        return instant == null ? null : TIMESTAMP.format(instant);
    }
}
