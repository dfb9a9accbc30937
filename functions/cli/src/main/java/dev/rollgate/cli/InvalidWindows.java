package dev.rollgate.cli;

import dev.rollgate.core.metrics.RejectionReason;
import dev.rollgate.core.metrics.WindowParseResult;
import dev.rollgate.core.metrics.WindowRejection;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The JSON line printed for a window file that has rejected windows (nothing is evaluated from it). */
record InvalidWindows(String file, String error, int rejected, Map<String, Integer> reasons,
                      List<Rejection> rejections) {

    record Rejection(int line, String field, String reason, String message) {
    }

    static InvalidWindows of(String file, WindowParseResult result) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Map.Entry<RejectionReason, Integer> e : result.countsByReason().entrySet()) {
            counts.put(e.getKey().code(), e.getValue());
        }
        List<Rejection> rejections = result.rejections().stream()
                .map((WindowRejection r) -> new Rejection(r.line(), r.field(), r.reason().code(), r.message()))
                .toList();
        return new InvalidWindows(file, "invalid_input", rejections.size(), counts, rejections);
    }
}
