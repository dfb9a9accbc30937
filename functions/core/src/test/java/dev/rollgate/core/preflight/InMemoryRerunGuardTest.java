package dev.rollgate.core.preflight;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryRerunGuardTest extends RerunGuardContract {
    private final InMemoryRerunGuard guard = new InMemoryRerunGuard();

    @Override
    protected RerunGuard guard() {
        return guard;
    }

    // Not in the shared contract: moto does not make a conditional put atomic under concurrent requests, so the
    // DynamoDB adapter relies on DynamoDB's documented guarantee there instead of a test against the emulator.
    @Test
    void concurrentClaimsGrantExactlyOne() throws Exception {
        RerunGuard guard = guard();
        String rollout = unique("ro");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<RerunClaim>> claims = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                claims.add(() -> guard.claim(rollout, "run-1", "s2"));
            }
            long granted = 0;
            for (Future<RerunClaim> result : pool.invokeAll(claims)) {
                granted += result.get() instanceof RerunClaim.Granted ? 1 : 0;
            }
            assertThat(granted).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
