package dev.rollgate.perf.cost;

import dev.rollgate.statemachine.local.InvocationObserver;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Counts invocations per function and measures each one's duration with the given ticker (nanoseconds). It also
 * tells which function is running on the current thread, so other meters can attribute their calls to it; calls
 * outside any function (the traffic simulator's own reads) are nobody's.
 */
public final class InvocationMeter implements InvocationObserver {
    private final LongSupplier nanoTicker;
    private final ThreadLocal<Deque<Running>> running = ThreadLocal.withInitial(ArrayDeque::new);
    private final Map<String, List<Long>> durations = new TreeMap<>();

    private record Running(String function, long startNanos) {
    }

    public InvocationMeter(LongSupplier nanoTicker) {
        this.nanoTicker = nanoTicker;
    }

    public static InvocationMeter systemTicker() {
        return new InvocationMeter(System::nanoTime);
    }

    @Override
    public void started(String function) {
        running.get().push(new Running(function, nanoTicker.getAsLong()));
    }

    @Override
    public void finished(String function) {
        Deque<Running> stack = running.get();
        if (stack.isEmpty() || !stack.peek().function().equals(function)) {
            throw new IllegalStateException("invocation of " + function + " finished but was not the one running");
        }
        Running r = stack.pop();
        long took = nanoTicker.getAsLong() - r.startNanos();
        synchronized (durations) {
            durations.computeIfAbsent(function, k -> new ArrayList<>()).add(took);
        }
    }

    /** The function running on this thread (the innermost, if one calls another), if any. */
    public Optional<String> current() {
        Deque<Running> stack = running.get();
        return stack.isEmpty() ? Optional.empty() : Optional.of(stack.peek().function());
    }

    /** Invocation counts and measured durations per function, in name order. */
    public Map<String, FunctionStats> stats() {
        Map<String, FunctionStats> out = new TreeMap<>();
        synchronized (durations) {
            durations.forEach((f, d) -> out.put(f, FunctionStats.of(d)));
        }
        return out;
    }
}
