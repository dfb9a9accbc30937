package dev.rollgate.console.rollouts;

import dev.rollgate.console.support.ConsoleFixture;
import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.metrics.Variant;
import dev.rollgate.core.state.InMemoryMetricWindowStore;
import dev.rollgate.core.state.MetricWindowStore;
import dev.rollgate.core.state.Page;
import dev.rollgate.core.state.PageRequest;
import dev.rollgate.core.state.WindowPutOutcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChartWindowsTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant FROM = T0.minus(Duration.ofDays(1));
    private static final Instant UNTIL = T0.plus(Duration.ofDays(1));
    private static final String ROLLOUT = "ro-1";

    private final ReadLog store = new ReadLog(new InMemoryMetricWindowStore());
    private final ChartWindows charted = new ChartWindows(ROLLOUT);

    private void putMinutes(int fromMinute, int toMinute) {
        for (int m = fromMinute; m < toMinute; m++) {
            store.put(ROLLOUT, window(m), T0);
        }
    }

    private static MetricWindow window(int minute) {
        return ConsoleFixture.window(Variant.CANARY, T0.plus(Duration.ofMinutes(minute)), 100, minute % 3, 900);
    }

    @Test
    void a_poll_reads_only_windows_from_shortly_before_the_newest_it_has() {
        putMinutes(0, 600);
        assertThat(charted.read(store, Variant.CANARY, FROM, UNTIL)).hasSize(600);
        assertThat(store.reads).hasSizeBetween(3, 4); // 600 windows in pages of 200

        store.reads.clear();
        store.itemsRead = 0;
        putMinutes(600, 602);
        List<MetricWindow> polled = charted.read(store, Variant.CANARY, FROM, UNTIL);

        assertThat(polled).hasSize(602).isSortedAccordingTo((a, b) -> a.windowStart().compareTo(b.windowStart()));
        assertThat(store.reads).containsExactly(T0.plus(Duration.ofMinutes(599)).minus(ChartWindows.LATE_ALLOWANCE));
        assertThat(store.itemsRead).isEqualTo(10 + 1 + 2);
    }

    @Test
    void a_window_stored_late_within_the_allowance_still_appears() {
        putMinutes(0, 30);
        putMinutes(31, 40);
        charted.read(store, Variant.CANARY, FROM, UNTIL);

        store.put(ROLLOUT, window(30), T0); // arrives after minute 39

        assertThat(charted.read(store, Variant.CANARY, FROM, UNTIL)).extracting(MetricWindow::windowStart)
                .contains(T0.plus(Duration.ofMinutes(30))).hasSize(40);
    }

    @Test
    void the_charted_windows_equal_a_fresh_read_after_any_number_of_polls() {
        for (int poll = 0; poll < 5; poll++) {
            putMinutes(poll * 7, poll * 7 + 7);
            charted.read(store, Variant.CANARY, FROM, UNTIL);
        }

        assertThat(charted.read(store, Variant.CANARY, FROM, UNTIL))
                .isEqualTo(new ChartWindows(ROLLOUT).read(store, Variant.CANARY, FROM, UNTIL));
    }

    /** Records the start of every read and how many windows the reads returned. */
    private static final class ReadLog implements MetricWindowStore {
        private final MetricWindowStore delegate;
        final List<Instant> reads = new ArrayList<>();
        int itemsRead;

        ReadLog(MetricWindowStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public WindowPutOutcome put(String rolloutId, MetricWindow window, Instant now) {
            return delegate.put(rolloutId, window, now);
        }

        @Override
        public Page<MetricWindow> read(String rolloutId, Variant variant, Instant from, Instant until,
                                       PageRequest page) {
            reads.add(from);
            Page<MetricWindow> read = delegate.read(rolloutId, variant, from, until, page);
            itemsRead += read.items().size();
            return read;
        }

        @Override
        public void countRejected(String scope, String reason) {
            delegate.countRejected(scope, reason);
        }

        @Override
        public Map<String, Long> rejectedCounts(String scope) {
            return delegate.rejectedCounts(scope);
        }
    }
}
