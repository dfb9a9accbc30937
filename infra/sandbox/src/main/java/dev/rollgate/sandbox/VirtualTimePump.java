package dev.rollgate.sandbox;

import dev.rollgate.statemachine.local.ScenarioTraffic;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves the sandbox's virtual clock at {@code speed} virtual seconds per real second, one simulated minute of
 * traffic at a time. If the machine cannot keep up, virtual time simply runs slower; nothing is skipped.
 */
final class VirtualTimePump implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(VirtualTimePump.class.getName());
    private static final long TICK_MILLIS = 200;
    private final ScenarioTraffic traffic;
    private final double speed;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    VirtualTimePump(ScenarioTraffic traffic, double speed) {
        this.traffic = traffic;
        this.speed = speed;
        this.thread = new Thread(this::pump, "rollgate-virtual-time");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void pump() {
        double owedSeconds = 0;
        long last = System.nanoTime();
        while (running.get()) {
            try {
                Thread.sleep(TICK_MILLIS);
                long nowNanos = System.nanoTime();
                owedSeconds += speed * (nowNanos - last) / 1e9;
                last = nowNanos;
                while (owedSeconds >= 60 && running.get()) {
                    traffic.run(Duration.ofMinutes(1));
                    owedSeconds -= 60;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // One bad minute must not stop the demo; it is logged with its cause and time moves on.
                LOG.log(Level.WARNING, "virtual minute failed", e);
                owedSeconds = Math.max(0, owedSeconds - 60);
            }
        }
    }

    @Override
    public void close() {
        running.set(false);
        thread.interrupt();
    }
}
