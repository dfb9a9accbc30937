package dev.rollgate.standin;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the stand-in until killed.
 * <pre>
 * java -jar infra/cordum-standin/target/cordum-standin.jar [--port 8081] [--host 127.0.0.1] [--config file.yaml|json]
 * </pre>
 * Without {@code --config} it answers from the built-in example configuration, which documents every key.
 */
public final class StandInMain {
    private StandInMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 8081;
        String host = "127.0.0.1";
        StandInConfig config = null;
        String source = "the built-in example (dev/rollgate/standin/example.yaml)";
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                fail("option " + flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--port" -> port = parsePort(value);
                case "--host" -> host = value;
                case "--config" -> {
                    config = readConfig(value);
                    source = value;
                }
                default -> fail("unknown option " + flag + " (known: --port, --host, --config)");
            }
        }
        if (config == null) {
            config = StandInConfig.example();
        }
        CordumStandIn standIn = CordumStandIn.start(config, new InetSocketAddress(host, port));
        Runtime.getRuntime().addShutdownHook(new Thread(standIn::close));
        System.out.println("cordum stand-in listening on http://" + host + ":" + standIn.port()
                + " with config from " + source + " (controls under /__standin)");
        new CountDownLatch(1).await();
    }

    private static StandInConfig readConfig(String file) {
        try {
            return StandInConfig.read(Path.of(file));
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return null;
        }
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                fail("--port must be between 0 and 65535, not " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            fail("--port must be a number, not '" + value + "'");
            return -1;
        }
    }

    private static void fail(String message) {
        System.err.println("cordum stand-in: " + message);
        System.exit(2);
    }
}
