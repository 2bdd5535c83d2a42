package io.keepalivedj.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BodyRegexTest {

    private static boolean passes(BodyRegex regex, String body) {
        return regex.passes(regex.compile(), body.getBytes(StandardCharsets.UTF_8));
    }

    private static BodyRegex with(String pattern, PcreOption... options) {
        Set<PcreOption> set = options.length == 0 ? Set.of() : EnumSet.of(options[0], options);
        return new BodyRegex(pattern, set, false, 0, OptionalInt.empty());
    }

    @Test
    void aMatchAnywherePassesAndNoMatchReversesIt() {
        assertThat(passes(BodyRegex.of("wor.d"), "hello world")).isTrue();
        assertThat(passes(BodyRegex.of("^world"), "hello world")).isFalse();
        assertThat(passes(BodyRegex.of("hello").withNoMatch(true), "hello world")).isFalse();
        assertThat(passes(BodyRegex.of("bye").withNoMatch(true), "hello world")).isTrue();
    }

    @Test
    void optionsWithAJavaFlagChangeTheVerdict() {
        assertThat(passes(BodyRegex.of("HELLO"), "hello")).isFalse();
        assertThat(passes(with("HELLO", PcreOption.CASELESS), "hello")).isTrue();
        assertThat(passes(BodyRegex.of("^b"), "a\nb")).isFalse();
        assertThat(passes(with("^b", PcreOption.MULTILINE), "a\nb")).isTrue();
        assertThat(passes(BodyRegex.of("a.b"), "a\nb")).isFalse();
        assertThat(passes(with("a.b", PcreOption.DOTALL), "a\nb")).isTrue();
        assertThat(passes(with("a b  # a comment", PcreOption.EXTENDED), "ab")).isTrue();
    }

    @Test
    void linesBreakAtLineFeedOnlyAsInPcre2() {
        // PCRE2's default newline is LF: '.' matches a CR, and '$' does not stop before "\r\n".
        assertThat(passes(BodyRegex.of("a.b"), "a\rb")).isTrue();
        assertThat(passes(BodyRegex.of("ok$"), "ok\r\n")).isFalse();
        assertThat(passes(BodyRegex.of("ok\r$"), "ok\r\n")).isTrue();
    }

    @Test
    void offsetsBoundWhereAMatchMayStart() {
        String body = "0123456789 status=ok";
        BodyRegex fromEleven = new BodyRegex("status", Set.of(), false, 11, OptionalInt.empty());
        BodyRegex fromTwelve = new BodyRegex("status", Set.of(), false, 12, OptionalInt.empty());
        assertThat(passes(fromEleven, body)).isTrue();
        assertThat(passes(fromTwelve, body)).isFalse();
        // regex_max_offset limits the start of the match, not its end.
        assertThat(passes(new BodyRegex("status=ok", Set.of(), false, 0, OptionalInt.of(11)), body)).isTrue();
        assertThat(passes(new BodyRegex("status=ok", Set.of(), false, 0, OptionalInt.of(10)), body)).isFalse();
        // The start offset is not a line start: ^ does not match there, lookbehind sees before it.
        assertThat(passes(new BodyRegex("^status", Set.of(), false, 11, OptionalInt.empty()), body)).isFalse();
        assertThat(passes(new BodyRegex("(?<= )status", Set.of(), false, 11, OptionalInt.empty()), body)).isTrue();
        // A start offset past the body is no match (PCRE2_ERROR_BADOFFSET).
        assertThat(passes(new BodyRegex("", Set.of(), false, 100, OptionalInt.empty()), body)).isFalse();
    }

    @Test
    void firstlineMeansTheMatchStartsOnTheFirstLine() {
        assertThat(passes(with("up", PcreOption.FIRSTLINE), "status up\nmore")).isTrue();
        assertThat(passes(with("up", PcreOption.FIRSTLINE), "status\nup")).isFalse();
        // It may start at the newline itself and run past it.
        assertThat(passes(with("\\nup", PcreOption.FIRSTLINE), "status\nup")).isTrue();
    }

    @Test
    void utfDecodesTheBodyAndCountsOffsetsInBytes() {
        String body = "état: prêt";
        assertThat(passes(BodyRegex.of("^.tat"), body)).isFalse(); // é is two ISO-8859-1 chars
        assertThat(passes(with("^.tat", PcreOption.UTF), body)).isTrue();
        assertThat(passes(with("ÉTAT", PcreOption.UTF, PcreOption.CASELESS), body)).isTrue();
        // "prêt" starts at byte 7 ("état: " is 7 bytes in UTF-8), char 6.
        assertThat(passes(new BodyRegex("pr", Set.of(PcreOption.UTF), false, 7, OptionalInt.of(7)), body)).isTrue();
        assertThat(passes(new BodyRegex("pr", Set.of(PcreOption.UTF), false, 8, OptionalInt.empty()), body)).isFalse();
        // Invalid UTF-8 does not match, as PCRE2 reports an error there.
        BodyRegex any = with("", PcreOption.UTF);
        assertThat(any.passes(any.compile(), new byte[] {(byte) 0xc3})).isFalse();
    }

    @Test
    void optionsWithoutAJavaEquivalentAreRefusedByName() {
        assertThatThrownBy(() -> with("a+", PcreOption.UNGREEDY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ungreedy");
        assertThat(PcreOption.forKeyword("no_start_optimize")).contains(PcreOption.NO_START_OPTIMIZE);
        assertThat(PcreOption.NO_START_OPTIMIZE.isSupported()).isTrue();
        assertThat(PcreOption.forKeyword("nonsense")).isEmpty();
    }

    @Test
    void badPatternsAndOffsetsAreRefused() {
        assertThatThrownBy(() -> BodyRegex.of("(")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bad regex");
        assertThatThrownBy(() -> new BodyRegex("a", Set.of(), false, 5, OptionalInt.of(4)))
                .hasMessageContaining("below regex_min_offset");
    }
}
