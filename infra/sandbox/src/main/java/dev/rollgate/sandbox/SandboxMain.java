package dev.rollgate.sandbox;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/** {@code infra/sandbox.sh} runs this: starts the sandbox, prints what to open and try, runs until Ctrl-C. */
public final class SandboxMain {
    private SandboxMain() {
    }

    public static void main(String[] args) throws Exception {
        SandboxOptions.Parsed parsed = SandboxOptions.parse(args, Optional.ofNullable(System.getenv("AWS_ENDPOINT_URL")));
        if (parsed instanceof SandboxOptions.Parsed.Problems problems) {
            problems.problems().forEach(p -> System.err.println("sandbox: " + p));
            System.exit(2);
        }
        SandboxOptions options = ((SandboxOptions.Parsed.Ok) parsed).options();
        Sandbox sandbox = Sandbox.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "rollgate-sandbox-stop"));
        String demo = options.headless() ? null : sandbox.startRollout("support-agent", options.scenario());
        String console = "http://127.0.0.1:" + sandbox.consolePort();
        String api = "http://127.0.0.1:" + sandbox.apiPort();
        System.out.println();
        System.out.println("rollgate sandbox is running (virtual time x" + options.speed() + ")");
        System.out.println("  console:  " + console + "   (sign in as below)");
        System.out.println("  api:      " + api + "/api/rollouts");
        System.out.println("  users:    alice@example.com / alice-secret  (operator, approver; starts the demo rollouts)");
        System.out.println("            bob@example.com   / bob-secret    (approver: approve alice's rollouts)");
        System.out.println("            vera@example.com  / vera-secret   (viewer)");
        if (demo != null) {
            System.out.println("  demo:     rollout " + demo + " (scenario " + options.scenario().cliName() + ")");
            System.out.println("            " + console + "/rollout/" + demo);
        }
        System.out.println("  try:      sign in as bob and approve the pending approval when the canary is marginal;");
        System.out.println("            start more: curl -X POST '" + api + "/api/rollouts?scenario=error-spike&agent=billing-agent'");
        System.out.println("  stop:     Ctrl-C");
        System.out.flush();
        stopped.await();
    }
}
