import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Build step of the shaded Lambda jar, run by Maven right after the shade plugin as a single-file Java program
 * ({@code java SlimLambdaJar.java <jar>}, rewrites the jar in place): drops classes nothing in the jar can reach.
 *
 * <p>Why: an AWS SDK v2 service module carries request, response, marshaller and paginator classes for every
 * operation of its service (SSM alone has about 150 operations and 190 exceptions); rollgate calls a few per
 * service, and those unused classes were more than half of the jar and of its entries.
 *
 * <p>What is kept is computed, not listed, so a new call in the code keeps its classes at the next build:
 * <ul>
 * <li>Only classes under {@link #PRUNABLE} packages are candidates for removal: our own modules, the SDK service
 * modules and a few plain libraries. Everything else (Log4j and its plugins, Jackson, SDK core, Powertools, EMF,
 * CRaC, SLF4J) may load classes by name and is kept whole.</li>
 * <li>Roots: every class outside the prunable packages, the handlers ({@code dev/rollgate/lambda}, {@code Rollgate})
 * and every class named in a resource (ServiceLoader files, SDK interceptor lists, the Log4j plugin cache).</li>
 * <li>A kept class keeps every class its constant pool names (references, descriptors, generic signatures,
 * annotation values and class-name strings).</li>
 * <li>Except a service client ({@code DynamoDbClient}, {@code DefaultDynamoDbClient}, ...), which names every
 * operation: it keeps only the request, response, marshaller, paginator and declared exceptions of operations
 * that a kept class (outside the clients) calls on it. The same holds for the service's other dispatching classes
 * (endpoint parameter resolvers test a request's type per operation). The requests of the other operations are
 * replaced by an empty abstract class of the same name and parent, because the bytecode verifier loads them to
 * check the client's method bodies (a request passed where the service's request type is expected); nothing can
 * build one, since its builder is gone. The client's error mapper names every exception of the service, but only in a
 * lambda that runs when that error code arrives; the operations' declared exceptions are kept.</li>
 * </ul>
 * The result is checked by {@code infra/bench-coldstart.sh}, which invokes handlers from the slim jar against moto.
 */
public final class SlimLambdaJar {
    private static final List<String> PRUNABLE = List.of("dev/rollgate/", "Rollgate/",
            "software/amazon/awssdk/services/", "org/apache/commons/lang3/", "org/apache/commons/rng/",
            "org/apache/commons/numbers/", "org/apache/commons/statistics/",
            "com/amazonaws/services/lambda/runtime/events/", "software/amazon/lambda/powertools/utilities/",
            "org/apache/logging/log4j/core/tools/");
    private static final List<String> ENTRY_POINTS = List.of("dev/rollgate/lambda/", "Rollgate/");
    /**
     * Metadata only read by other tools (Maven, GraalVM native-image), and the SDK's per-service warm-up providers:
     * each builds its service's async client too and calls a List operation rollgate never makes; the SnapStart
     * priming exercises rollgate's own operations instead ({@code SnapStartPriming}).
     */
    private static final List<String> DROPPED_RESOURCES = List.of("META-INF/maven/", "META-INF/native-image/",
            "META-INF/services/software.amazon.awssdk.core.warmup.SdkWarmUpProvider");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(?:[/.][A-Za-z_$][A-Za-z0-9_$]*)+");
    /** Operation-specific packages of a service module. */
    private static final Pattern OPERATION_SPECIFIC = Pattern.compile(
            "software/amazon/awssdk/services/([a-z0-9/]+)/(model|transform|paginators|waiters)/([A-Za-z0-9_]+).*");
    private static final String SERVICES = "software/amazon/awssdk/services/";
    private static final List<String> OPERATION_SUFFIXES = List.of("Request", "Response", "RequestMarshaller",
            "Iterable", "Publisher");
    /** Client interfaces and implementations, which name every operation of their service. */
    private static final Pattern CLIENT = Pattern.compile(
            "software/amazon/awssdk/services/([a-z0-9/]+)/[A-Za-z0-9]*Client");


    private SlimLambdaJar() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java SlimLambdaJar.java <shaded jar>");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        Map<String, byte[]> entries = read(jar);
        long before = Files.size(jar);
        Reachability reachability = new Reachability(entries);
        Set<String> keep = reachability.classesToKeep();
        for (String stub : reachability.stubbed) {
            ClassRefs original = reachability.classes.get(stub);
            entries.put(stub + ".class", emptySubclass(stub, original.superName(), original.major()));
        }
        Path tmp = jar.resolveSibling(jar.getFileName() + ".slimming");
        int dropped = write(entries, keep, tmp);
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("SlimLambdaJar: SDK operations called: %s%n", new TreeSet<>(reachability.used));
        System.out.printf("SlimLambdaJar: dropped %d unreachable entries, %s: %.1f MB -> %.1f MB%n", dropped,
                jar.getFileName(), before / 1e6, Files.size(jar) / 1e6);
    }

    /**
     * A class file declaring only {@code public abstract class name extends superName {}}: all the verifier needs
     * to check that the client passes such a request where the service's request type is expected. Nothing can
     * build one (its builder is gone), so its members are never looked for.
     */
    static byte[] emptySubclass(String name, String superName, int major) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
        out.writeInt(0xCAFEBABE);
        out.writeShort(0);
        out.writeShort(major);
        out.writeShort(5);
        out.writeByte(1);
        out.writeUTF(name);
        out.writeByte(7);
        out.writeShort(1);
        out.writeByte(1);
        out.writeUTF(superName);
        out.writeByte(7);
        out.writeShort(3);
        out.writeShort(0x0421);
        out.writeShort(2);
        out.writeShort(4);
        for (int i = 0; i < 4; i++) {
            out.writeShort(0);
        }
        out.flush();
        return bytes.toByteArray();
    }

    static boolean prunable(String name) {
        return PRUNABLE.stream().anyMatch(name::startsWith);
    }

    /** The reachability computation over the classes of one jar. */
    static final class Reachability {
        final Map<String, ClassRefs> classes = new HashMap<>();
        private final Set<String> resourceRoots = new HashSet<>();
        final Set<String> used = new HashSet<>();
        /** Requests of operations never called, kept only as an empty abstract class of the same name and parent. */
        final Set<String> stubbed = new HashSet<>();

        Reachability(Map<String, byte[]> entries) throws IOException {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                String name = e.getKey();
                if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
                    classes.put(className(name), ClassRefs.parse(e.getValue()));
                }
            }
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                String name = e.getKey();
                if (!name.endsWith(".class") && !name.endsWith("/") && !dropped(name)) {
                    resourceRoots.addAll(namesIn(new String(e.getValue(), StandardCharsets.ISO_8859_1)));
                }
            }
        }

        /** Every class to keep (internal names); repeated until the set of called operations is stable. */
        Set<String> classesToKeep() {
            while (true) {
                Set<String> keep = closure();
                Set<String> calls = operationsCalledBy(keep);
                if (used.containsAll(calls)) {
                    return keep;
                }
                used.addAll(calls);
            }
        }

        private Set<String> closure() {
            Deque<String> queue = new ArrayDeque<>();
            for (String name : classes.keySet()) {
                if (!prunable(name) || ENTRY_POINTS.stream().anyMatch(name::startsWith) || resourceRoots.contains(name)
                        || isUsedOperationClass(name)) {
                    queue.push(name);
                }
            }
            queue.addAll(declaredExceptions());
            Set<String> keep = new HashSet<>();
            Set<String> stubs = new HashSet<>();
            Map<String, String> parent = new HashMap<>();
            while (!queue.isEmpty()) {
                String name = queue.pop();
                if (!classes.containsKey(name) || !keep.add(name)) {
                    continue;
                }
                boolean client = CLIENT.matcher(name).matches();
                boolean dispatcher = name.startsWith(SERVICES) && !OPERATION_SPECIFIC.matcher(name).matches();
                for (String target : classes.get(name).names()) {
                    if (!classes.containsKey(target) || keep.contains(target)) {
                        continue;
                    }
                    boolean unused = client && OPERATION_SPECIFIC.matcher(target).matches()
                            || dispatcher && isOperationClass(target);
                    if (unused && !isUsedOperationClass(target)) {
                        if (target.endsWith("Request")) {
                            stubs.add(target);
                        }
                    } else {
                        parent.putIfAbsent(target, name);
                        queue.push(target);
                    }
                }
            }
            keep.addAll(stubs);
            stubbed.clear();
            stubbed.addAll(stubs);
            // SLIM_WHY=<internal class name> prints why a class is kept (the chain of references from a root).
            String why = System.getenv("SLIM_WHY");
            for (String c = why; c != null; c = parent.get(c)) {
                System.out.println("SlimLambdaJar: kept " + c
                        + (resourceRoots.contains(c) ? " (named in a resource)" : ""));
            }
            return keep;
        }

        /** Service-qualified operation names ({@code ssm/GetParameter}) that kept classes outside the SDK call. */
        private Set<String> operationsCalledBy(Set<String> keep) {
            Set<String> calls = new HashSet<>();
            for (String name : keep) {
                if (CLIENT.matcher(name).matches()) {
                    continue;
                }
                for (String[] call : classes.get(name).methodCalls()) {
                    Matcher client = CLIENT.matcher(call[0]);
                    if (client.matches() && !call[1].startsWith("<")) {
                        String method = call[1].endsWith("Paginator")
                                ? call[1].substring(0, call[1].length() - "Paginator".length()) : call[1];
                        calls.add(client.group(1) + "/" + capitalised(method));
                    }
                }
            }
            return calls;
        }

        /** Whether a class is the request, response, marshaller or paginator of some operation. */
        private static boolean isOperationClass(String name) {
            Matcher m = OPERATION_SPECIFIC.matcher(name);
            return m.matches() && !m.group(2).equals("waiters") && OPERATION_SUFFIXES.stream()
                    .anyMatch(suffix -> m.group(3).endsWith(suffix) && !name.contains("$"));
        }

        /** Whether a class is the request, response, marshaller, paginator or waiter of a called operation. */
        private boolean isUsedOperationClass(String name) {
            Matcher m = OPERATION_SPECIFIC.matcher(name);
            if (!m.matches()) {
                return false;
            }
            if (m.group(2).equals("waiters")) {
                return used.contains(m.group(1) + "/Waiter");
            }
            String simple = m.group(3);
            for (String suffix : OPERATION_SUFFIXES) {
                if (simple.endsWith(suffix) && used.contains(m.group(1) + "/"
                        + simple.substring(0, simple.length() - suffix.length()))) {
                    return true;
                }
            }
            return false;
        }

        /** The modelled exceptions the called operations declare ({@code throws} of the client's methods). */
        private Set<String> declaredExceptions() {
            Set<String> exceptions = new HashSet<>();
            for (Map.Entry<String, ClassRefs> e : classes.entrySet()) {
                Matcher client = CLIENT.matcher(e.getKey());
                if (client.matches()) {
                    e.getValue().declaredExceptions().forEach((method, thrown) -> {
                        if (used.contains(client.group(1) + "/" + capitalised(method))) {
                            exceptions.addAll(thrown);
                        }
                    });
                }
            }
            return exceptions;
        }
    }

    /** The class names one class file mentions, the methods it calls, and the exceptions its methods declare. */
    record ClassRefs(int major, String superName, Set<String> names, List<String[]> methodCalls,
                     Map<String, List<String>> declaredExceptions) {
        static ClassRefs parse(byte[] bytes) throws IOException {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            if (in.readInt() != 0xCAFEBABE) {
                throw new IOException("not a class file");
            }
            in.skipBytes(2);
            int major = in.readUnsignedShort();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            int[] classIndex = new int[count];
            int[][] memberRef = new int[count][];
            int[] nameOfNameAndType = new int[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 7 -> classIndex[i] = in.readUnsignedShort();
                    case 8, 16, 19, 20 -> in.skipBytes(2);
                    case 3, 4, 17, 18 -> in.skipBytes(4);
                    case 5, 6 -> {
                        in.skipBytes(8);
                        i++;
                    }
                    case 9, 10, 11 -> memberRef[i] = new int[]{in.readUnsignedShort(), in.readUnsignedShort()};
                    case 12 -> {
                        nameOfNameAndType[i] = in.readUnsignedShort();
                        in.skipBytes(2);
                    }
                    case 15 -> in.skipBytes(3);
                    default -> throw new IOException("unknown constant pool tag " + tag);
                }
            }
            Set<String> names = new HashSet<>();
            for (String s : utf8) {
                if (s != null) {
                    names.addAll(namesIn(s));
                }
            }
            List<String[]> calls = new ArrayList<>();
            for (int[] ref : memberRef) {
                if (ref != null && classIndex[ref[0]] != 0) {
                    calls.add(new String[]{utf8[classIndex[ref[0]]], utf8[nameOfNameAndType[ref[1]]]});
                }
            }
            in.skipBytes(4);
            int superIndex = in.readUnsignedShort();
            String superName = superIndex == 0 ? null : utf8[classIndex[superIndex]];
            return new ClassRefs(major, superName, names, calls, declaredExceptions(in, utf8, classIndex));
        }

        private static Map<String, List<String>> declaredExceptions(DataInputStream in, String[] utf8,
                                                                    int[] classIndex) throws IOException {
            Map<String, List<String>> thrown = new LinkedHashMap<>();
            in.skipBytes(2 * in.readUnsignedShort());
            int fields = in.readUnsignedShort();
            for (int f = 0; f < fields; f++) {
                in.skipBytes(6);
                int attributes = in.readUnsignedShort();
                for (int a = 0; a < attributes; a++) {
                    in.skipBytes(2);
                    in.skipBytes(in.readInt());
                }
            }
            int methods = in.readUnsignedShort();
            for (int m = 0; m < methods; m++) {
                in.skipBytes(2);
                String method = utf8[in.readUnsignedShort()];
                in.skipBytes(2);
                int attributes = in.readUnsignedShort();
                for (int a = 0; a < attributes; a++) {
                    String attribute = utf8[in.readUnsignedShort()];
                    int length = in.readInt();
                    if ("Exceptions".equals(attribute)) {
                        int n = in.readUnsignedShort();
                        for (int x = 0; x < n; x++) {
                            thrown.computeIfAbsent(method, k -> new ArrayList<>())
                                    .add(utf8[classIndex[in.readUnsignedShort()]]);
                        }
                    } else {
                        in.skipBytes(length);
                    }
                }
            }
            return thrown;
        }
    }

    /** Internal class names a string may mention: slashed or dotted, as descriptor ({@code Lx/Y;}) or plain. */
    static Set<String> namesIn(String s) {
        Set<String> names = new HashSet<>();
        Matcher m = NAME.matcher(s);
        while (m.find()) {
            String name = m.group().replace('.', '/');
            names.add(name);
            if (name.startsWith("L")) {
                names.add(name.substring(1));
            }
            int dollar = name.indexOf('$');
            if (dollar > 0) {
                names.add(name.substring(name.startsWith("L") ? 1 : 0, dollar));
            }
        }
        return names;
    }

    private static String capitalised(String method) {
        return method.isEmpty() ? method : Character.toUpperCase(method.charAt(0)) + method.substring(1);
    }

    private static boolean dropped(String entry) {
        return DROPPED_RESOURCES.stream().anyMatch(entry::startsWith);
    }

    private static String className(String entry) {
        return entry.substring(0, entry.length() - ".class".length());
    }

    private static Map<String, byte[]> read(Path jar) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    /**
     * An entry with its sizes and CRC known up front, so no data descriptor follows it (16 bytes on each of about
     * 10,000 entries). The compressed size is found with the same deflater settings the stream uses; the stream
     * checks it on closing the entry and fails the build on any difference.
     */
    private static ZipEntry sized(String name, byte[] content) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(content);
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(9, true);
        deflater.setInput(content);
        deflater.finish();
        byte[] buffer = new byte[8192];
        long compressed = 0;
        while (!deflater.finished()) {
            compressed += deflater.deflate(buffer);
        }
        deflater.end();
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.DEFLATED);
        entry.setSize(content.length);
        entry.setCompressedSize(compressed);
        entry.setCrc(crc.getValue());
        return entry;
    }

    private static int write(Map<String, byte[]> entries, Set<String> keep, Path target) throws IOException {
        int dropped = 0;
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            out.setLevel(9);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                String name = e.getKey();
                boolean unreachable = name.endsWith(".class") && prunable(name) && !keep.contains(className(name));
                if (unreachable || dropped(name)) {
                    dropped++;
                    continue;
                }
                out.putNextEntry(sized(name, e.getValue()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return dropped;
    }
}
