package dev.rollgate.sandbox;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Command-line options of the sandbox. Unknown options and bad values are errors that name the option; nothing is
 * silently defaulted except options that were not given.
 *
 * @param scenario     what the demo rollout's candidate does (default marginal, so the user meets an approval)
 * @param speed        virtual seconds per real second (default 60: a 3-hour canary plays in 3 minutes)
 * @param port         console port (0 picks a free one)
 * @param apiPort      sandbox API port (0 picks a free one)
 * @param awsEndpoint  the DynamoDB emulator (moto), from AWS_ENDPOINT_URL
 * @param headless     no demo rollout is started on launch (tests start their own)
 */
public record SandboxOptions(DemoScenario scenario, double speed, int port, int apiPort, URI awsEndpoint,
                             boolean headless) {
    public static final double DEFAULT_SPEED = 60;
    public static final int DEFAULT_PORT = 8080;

    /** Parsed options, or the problems found. */
    public sealed interface Parsed {
        record Ok(SandboxOptions options) implements Parsed {
        }

        record Problems(List<String> problems) implements Parsed {
        }
    }

    public static Parsed parse(String[] args, Optional<String> awsEndpointUrl) {
        List<String> problems = new ArrayList<>();
        DemoScenario scenario = DemoScenario.MARGINAL;
        double speed = DEFAULT_SPEED;
        int port = DEFAULT_PORT;
        int apiPort = 0;
        boolean headless = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (arg) {
                case "--scenario" -> {
                    i++;
                    Optional<DemoScenario> s = value == null ? Optional.empty() : DemoScenario.parse(value);
                    if (s.isEmpty()) {
                        problems.add("--scenario: expected one of " + DemoScenario.names() + ", got " + value);
                    } else {
                        scenario = s.get();
                    }
                }
                case "--speed" -> {
                    i++;
                    try {
                        speed = Double.parseDouble(String.valueOf(value));
                        if (!(speed >= 1 && speed <= 100_000)) {
                            problems.add("--speed: virtual seconds per real second must be within 1..100000, got "
                                    + value);
                        }
                    } catch (NumberFormatException e) {
                        problems.add("--speed: expected a number, got " + value);
                    }
                }
                case "--port" -> {
                    i++;
                    port = port(value, "--port", problems);
                }
                case "--api-port" -> {
                    i++;
                    apiPort = port(value, "--api-port", problems);
                }
                case "--headless" -> headless = true;
                default -> problems.add("unknown option " + arg + " (options: --scenario " + DemoScenario.names()
                        + ", --speed N, --port N, --api-port N, --headless)");
            }
        }
        if (awsEndpointUrl.isEmpty() || awsEndpointUrl.get().isBlank()) {
            problems.add("AWS_ENDPOINT_URL is not set: start the sandbox with infra/sandbox.sh, which starts moto");
        }
        if (!problems.isEmpty()) {
            return new Parsed.Problems(problems);
        }
        return new Parsed.Ok(new SandboxOptions(scenario, speed, port, apiPort, URI.create(awsEndpointUrl.get()),
                headless));
    }

    private static int port(String value, String option, List<String> problems) {
        try {
            int p = Integer.parseInt(String.valueOf(value));
            if (p < 0 || p > 65_535) {
                problems.add(option + ": a port is within 0..65535, got " + value);
            }
            return p;
        } catch (NumberFormatException e) {
            problems.add(option + ": expected a port number, got " + value);
            return 0;
        }
    }
}
