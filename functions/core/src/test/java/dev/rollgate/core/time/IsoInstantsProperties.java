package dev.rollgate.core.time;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Example;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hand-written reader agrees with {@link Instant#parse} on every text: same value, or both reject. */
class IsoInstantsProperties {
    private static final long FIRST_SECOND = LocalDate.of(0, 1, 1).toEpochDay() * 86_400L;
    private static final long LAST_SECOND = LocalDate.of(9999, 12, 31).toEpochDay() * 86_400L + 86_399L;

    @Property(tries = 3000)
    void readsWhatInstantToStringWritesThroughTheFastPath(@ForAll("storedInstants") Instant instant) {
        String text = instant.toString();
        assertThat(IsoInstants.parseCanonical(text)).contains(instant);
        assertThat(IsoInstants.parse(text)).isEqualTo(instant).isEqualTo(Instant.parse(text));
    }

    @Property(tries = 5000)
    void agreesWithInstantParseOnNearlyCanonicalText(@ForAll("nearlyCanonical") String text) {
        assertThat(outcome(text, true)).isEqualTo(outcome(text, false));
    }

    @Property(tries = 5000)
    void agreesWithInstantParseOnMangledText(@ForAll("mangled") String text) {
        assertThat(outcome(text, true)).isEqualTo(outcome(text, false));
    }

    @Property(tries = 3000)
    void whatTheFastPathAcceptsOffsetDateTimeReadsAsTheSameUtcInstant(@ForAll("nearlyCanonical") String text) {
        Optional<Instant> fast = IsoInstants.parseCanonical(text);
        fast.ifPresent(instant -> {
            OffsetDateTime general = OffsetDateTime.parse(text);
            assertThat(general.getOffset()).isEqualTo(ZoneOffset.UTC);
            assertThat(general.toInstant()).isEqualTo(instant);
        });
    }

    @Example
    void leavesLeapSecondsNextMidnightsOffsetsAndEmptyFractionsToInstantParse() {
        for (String text : new String[]{"2026-06-30T23:59:60Z", "2026-11-28T24:00:00Z", "2026-11-28T10:00:00+01:00",
                "2026-11-28t10:00:00z", "+10000-01-01T00:00:00Z", "2026-11-28T10:00:00.Z"}) {
            assertThat(IsoInstants.parseCanonical(text)).as(text).isEmpty();
            assertThat(IsoInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Example
    void rejectsImpossibleDatesAsInstantParseDoes() {
        for (String text : new String[]{"2026-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2026-04-31T00:00:00Z",
                "2026-11-28T10:00:00.1234567890Z", "2026-11-28T10:00Z", ""}) {
            assertThat(IsoInstants.parseCanonical(text)).as(text).isEmpty();
            assertThatThrownBy(() -> IsoInstants.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
        }
        assertThat(IsoInstants.parse("2000-02-29T00:00:00Z")).isEqualTo(Instant.parse("2000-02-29T00:00:00Z"));
    }

    /** The value read, or empty when the reader rejects the text; any other exception fails the property. */
    private static Optional<Instant> outcome(String text, boolean fast) {
        try {
            return Optional.of(fast ? IsoInstants.parse(text) : Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Provide
    Arbitrary<Instant> storedInstants() {
        Arbitrary<Long> seconds = Arbitraries.longs().between(FIRST_SECOND, LAST_SECOND)
                .edgeCases(c -> c.add(0L, FIRST_SECOND, LAST_SECOND, 951_782_400L)); // 2000-02-29
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0),
                Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000),
                Arbitraries.integers().between(0, 999_999).map(us -> us * 1_000),
                Arbitraries.integers().between(0, 999_999_999));
        return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
    }

    /** Every field near and beyond its range, fractions of 0-11 digits, and the usual and unusual suffixes. */
    @Provide
    Arbitrary<String> nearlyCanonical() {
        Arbitrary<String> year = Arbitraries.oneOf(Arbitraries.integers().between(0, 9999).map(y -> pad(y, 4)),
                Arbitraries.of("1600", "1700", "1900", "2000", "2100", "2024", "2026", "0000", "0004", "9999"));
        Arbitrary<String> month = Arbitraries.integers().between(0, 13).map(m -> pad(m, 2));
        Arbitrary<String> day = Arbitraries.integers().between(0, 32).map(d -> pad(d, 2));
        Arbitrary<String> hour = Arbitraries.integers().between(0, 25).map(h -> pad(h, 2));
        Arbitrary<String> minute = Arbitraries.integers().between(0, 60).map(m -> pad(m, 2));
        Arbitrary<String> second = Arbitraries.integers().between(0, 61).map(s -> pad(s, 2));
        Arbitrary<String> fraction = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just("."),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(11).map(d -> "." + d));
        Arbitrary<String> suffix = Arbitraries.of("Z", "Z", "Z", "z", "+00:00", "-01:30", "", "ZZ", " Z");
        return Combinators.combine(year, month, day, hour, minute, second, fraction, suffix)
                .as((y, mo, d, h, mi, s, f, z) -> y + "-" + mo + "-" + d + "T" + h + ":" + mi + ":" + s + f + z);
    }

    /** A stored instant with one character replaced, inserted or removed. */
    @Provide
    Arbitrary<String> mangled() {
        Arbitrary<Character> chars = Arbitraries.of('0', '1', '5', '9', '-', ':', 'T', 't', 'Z', 'z', '.', '+', ' ',
                'x', '\u0661');
        return Combinators.combine(storedInstants().map(Instant::toString), Arbitraries.integers().between(0, 30),
                Arbitraries.integers().between(0, 2), chars).as((text, at, edit, c) -> {
            int i = Math.min(at, text.length() - 1);
            return switch (edit) {
                case 0 -> text.substring(0, i) + c + text.substring(i + 1);
                case 1 -> text.substring(0, i) + c + text.substring(i);
                default -> text.substring(0, i) + text.substring(i + 1);
            };
        });
    }

    private static String pad(int value, int width) {
        String digits = Integer.toString(value);
        return "0".repeat(Math.max(0, width - digits.length())) + digits;
    }
}
