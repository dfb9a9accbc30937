package dev.rollgate.lambda.runtime;

import java.util.ArrayList;
import java.util.List;

/** Keeps every recorded invocation as "handler=outcome". */
public final class RecordingTelemetry implements Telemetry {
    public final List<String> invocations = new ArrayList<>();

    @Override
    public void invocation(String handler, String outcome, long durationMillis) {
        if (durationMillis < 0) {
            throw new AssertionError("negative duration");
        }
        invocations.add(handler + "=" + outcome);
    }
}
