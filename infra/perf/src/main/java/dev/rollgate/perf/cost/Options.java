package dev.rollgate.perf.cost;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} pairs; an unknown name or a name without a value is an error naming it. */
final class Options {
    private Options() {
    }

    static Map<String, String> parse(String[] args, String... known) {
        Set<String> names = Set.of(known);
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!names.contains(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; known: " + names);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            out.put(args[i], args[i + 1]);
        }
        return out;
    }
}
