import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Build step of the shaded Lambda jar, run by Maven right after the shade plugin and before {@code SlimLambdaJar}
 * as a single-file Java program ({@code java TrimLog4jPluginCache.java <jar> <keep list>}, rewrites one entry of the
 * jar in place; SlimLambdaJar then rewrites every entry in its compact form): cuts Log4j's plugin cache
 * ({@code Log4j2Plugins.dat}, merged by the shade plugin from log4j-core, the JSON template layout and Powertools)
 * down to the plugins listed in the keep list.
 *
 * <p>Why: on start, Log4j loads the class of every plugin in the cache, instantiates every configuration factory
 * (the JSON and YAML ones probe for Jackson's YAML module) and every lookup (the context-map and JMX lookups are
 * not cheap), and initialises every JSON-template resolver factory, whether the configuration uses them or not.
 * That was about a third of Log4j's start-up on a cold Lambda (docs/performance-coldstart.md); rollgate's
 * configuration ({@code log4j2.properties}) uses a handful of them.
 *
 * <p>The keep list names {@code <category> <plugin key>} per line, or {@code <category> *} for a whole category;
 * {@code #} starts a comment. A line naming a plugin the cache does not have fails the build, so a Log4j upgrade
 * that renames one is noticed here, not in production. A plugin the configuration uses but the list omits makes
 * Log4j report an error on start: {@code SlimJarLoggingIT} runs the built jar's logging and fails on any Log4j
 * status message or any difference from the untrimmed logging.
 */
public final class TrimLog4jPluginCache {
    static final String CACHE = "META-INF/org/apache/logging/log4j/core/config/plugins/Log4j2Plugins.dat";

    private TrimLog4jPluginCache() {
    }

    /** One cache entry: Log4j's {@code PluginEntry} fields in the order the cache file stores them. */
    record Plugin(String key, String className, String name, boolean printable, boolean defer) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java TrimLog4jPluginCache.java <shaded jar> <keep list>");
            System.exit(2);
        }
        Set<String> keep = keepList(Path.of(args[1]));
        try (FileSystem jar = FileSystems.newFileSystem(URI.create("jar:" + Path.of(args[0]).toUri()), Map.of())) {
            Path cache = jar.getPath(CACHE);
            Map<String, List<Plugin>> all = read(Files.readAllBytes(cache));
            Map<String, List<Plugin>> kept = kept(all, keep);
            Files.write(cache, write(kept));
            System.out.printf("TrimLog4jPluginCache: kept %d of %d Log4j plugins: %s%n", count(kept), count(all),
                    summary(kept));
        }
    }

    static Set<String> keepList(Path file) throws IOException {
        Set<String> keep = new LinkedHashSet<>();
        for (String line : Files.readAllLines(file)) {
            String entry = line.replaceFirst("#.*", "").trim();
            if (entry.isEmpty()) {
                continue;
            }
            String[] parts = entry.split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException(file + ": expected '<category> <plugin key>' or '<category> *',"
                        + " got '" + line + "'");
            }
            keep.add(parts[0].toLowerCase() + " " + parts[1].toLowerCase());
        }
        return keep;
    }

    /** The cache restricted to the keep list; fails on a keep-list line that matches nothing in the cache. */
    static Map<String, List<Plugin>> kept(Map<String, List<Plugin>> all, Set<String> keep) {
        Set<String> unmatched = new TreeSet<>(keep);
        Map<String, List<Plugin>> kept = new LinkedHashMap<>();
        all.forEach((category, plugins) -> {
            for (Plugin plugin : plugins) {
                String whole = category + " *";
                String one = category + " " + plugin.key();
                if (keep.contains(whole) || keep.contains(one)) {
                    unmatched.remove(whole);
                    unmatched.remove(one);
                    kept.computeIfAbsent(category, c -> new ArrayList<>()).add(plugin);
                }
            }
        });
        if (!unmatched.isEmpty()) {
            throw new IllegalStateException("the Log4j plugin keep list names plugins the jar's cache does not have: "
                    + unmatched + " (renamed or removed by a Log4j or Powertools upgrade?)");
        }
        return kept;
    }

    /** Parses the cache as Log4j's {@code PluginCache} writes it: categories, each with its entries. */
    static Map<String, List<Plugin>> read(byte[] cache) throws IOException {
        Map<String, List<Plugin>> categories = new LinkedHashMap<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(cache))) {
            int count = in.readInt();
            for (int c = 0; c < count; c++) {
                String category = in.readUTF();
                int entries = in.readInt();
                List<Plugin> plugins = categories.computeIfAbsent(category, k -> new ArrayList<>());
                for (int e = 0; e < entries; e++) {
                    plugins.add(new Plugin(in.readUTF(), in.readUTF(), in.readUTF(), in.readBoolean(),
                            in.readBoolean()));
                }
            }
            if (in.read() != -1) {
                throw new IOException(CACHE + " has bytes after its last entry: not the format this tool reads");
            }
        }
        return categories;
    }

    static byte[] write(Map<String, List<Plugin>> categories) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(categories.size());
            for (Map.Entry<String, List<Plugin>> category : categories.entrySet()) {
                out.writeUTF(category.getKey());
                out.writeInt(category.getValue().size());
                for (Plugin p : category.getValue()) {
                    out.writeUTF(p.key());
                    out.writeUTF(p.className());
                    out.writeUTF(p.name());
                    out.writeBoolean(p.printable());
                    out.writeBoolean(p.defer());
                }
            }
        }
        return bytes.toByteArray();
    }

    private static int count(Map<String, List<Plugin>> categories) {
        return categories.values().stream().mapToInt(List::size).sum();
    }

    private static String summary(Map<String, List<Plugin>> categories) {
        List<String> parts = new ArrayList<>();
        categories.forEach((category, plugins) -> parts.add(category + "=" + plugins.size()));
        return String.join(", ", parts);
    }
}
