package dev.rollgate.lambda.codedeploy;

import com.amazonaws.services.lambda.runtime.Context;
import dev.rollgate.lambda.runtime.LambdaContextFixture;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;

import static org.assertj.core.api.Assertions.assertThat;

/** The deployed hooks' wait: only while the invocation has time for one more interval and the final report. */
class HookWaitTest {
    private final HookWait wait = HookWait.withinInvocation();

    @Test
    void withoutAnInvocationContextItNeverWaits() {
        assertThat(wait.waitBeforeAskingAgain(null)).isFalse();
    }

    @Test
    void itStopsWaitingWhenLessThanAnIntervalAndTheReserveRemain() {
        long remaining = HookWait.POLL_INTERVAL.plus(HookWait.RESERVE).toMillis() - 1;
        Context nearlyOver = remainingTime(new LambdaContextFixture(), (int) remaining);

        assertThat(wait.waitBeforeAskingAgain(nearlyOver)).isFalse();
    }

    private static Context remainingTime(Context base, int millis) {
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[]{Context.class},
                (proxy, method, args) -> method.getName().equals("getRemainingTimeInMillis") ? millis
                        : method.invoke(base, args));
    }
}
