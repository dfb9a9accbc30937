package dev.rollgate.perf.cost;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The memory size of each function in {@code template.yaml}: the function's own {@code MemorySize}, else the one
 * under {@code Globals: Function:}. Read line by line (the template's CloudFormation tags defeat plain YAML
 * readers); a template without a global size is an error, never a guess.
 */
public final class TemplateMemory {
    private static final Pattern RESOURCE = Pattern.compile("^  ([A-Za-z0-9]+):\\s*$");
    private static final Pattern GLOBAL_MEMORY = Pattern.compile("^    MemorySize:\\s*(\\d+)\\s*$");
    private static final Pattern FUNCTION_MEMORY = Pattern.compile("^      MemorySize:\\s*(\\d+)\\s*$");

    private static final String FUNCTION_TYPE = "    Type: AWS::Serverless::Function";

    private final int globalMb;
    private final Map<String, Integer> ownMb;
    private final Set<String> functions;

    private TemplateMemory(int globalMb, Map<String, Integer> ownMb, Set<String> functions) {
        this.globalMb = globalMb;
        this.ownMb = Map.copyOf(ownMb);
        this.functions = Set.copyOf(functions);
    }

    public static TemplateMemory parse(List<String> lines) {
        Integer global = null;
        Map<String, Integer> own = new HashMap<>();
        Set<String> functions = new HashSet<>();
        String section = "";
        String resource = null;
        for (String line : lines) {
            if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("#")) {
                section = line.trim();
                resource = null;
                continue;
            }
            Matcher m;
            if (section.equals("Globals:") && (m = GLOBAL_MEMORY.matcher(line)).matches()) {
                global = Integer.parseInt(m.group(1));
            } else if (section.equals("Resources:") && (m = RESOURCE.matcher(line)).matches()) {
                resource = m.group(1);
            } else if (resource != null && line.stripTrailing().equals(FUNCTION_TYPE)) {
                functions.add(resource);
            } else if (resource != null && (m = FUNCTION_MEMORY.matcher(line)).matches()) {
                own.put(resource, Integer.parseInt(m.group(1)));
            }
        }
        if (global == null) {
            throw new IllegalArgumentException("template.yaml: no MemorySize under Globals: Function:");
        }
        return new TemplateMemory(global, own, functions);
    }

    public int megabytes(String function) {
        if (!functions.contains(function)) {
            throw new IllegalArgumentException("template.yaml declares no function " + function);
        }
        return ownMb.getOrDefault(function, globalMb);
    }
}
