package io.keepalivedj.check;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A url's {@code regex} with what keepalived.conf(5) says around it: {@code regex_no_match}
 * ("Reverse the sense of the match"), {@code regex_options} (PCRE2 options, see
 * {@link PcreOption}), {@code regex_min_offset} ("The minimum offset into the returned data to
 * start checking for the regex pattern match") and {@code regex_max_offset} ("The maximum
 * offset into the returned data for the start of the subject match").
 *
 * <p>The pattern is a {@link Pattern}, not PCRE2: most PCRE2 syntax is the same; what differs
 * (possessive and atomic groups agree, but e.g. {@code \K} or {@code (*VERB)}s do not exist in
 * Java) fails at construction, naming the pattern. Line breaks are PCRE2's default, LF only
 * ({@link Pattern#UNIX_LINES}), so {@code .}, {@code ^} and {@code $} treat {@code \r} as
 * PCRE2 does. Offsets count body bytes, as PCRE2's 8-bit library does; without {@code utf} a
 * byte is a char (ISO-8859-1), with it the body is decoded as UTF-8 and a body or offset that
 * is not valid UTF-8 does not match (PCRE2 reports an error there, which keepalived treats as
 * no match).
 *
 * @param pattern   {@code regex}
 * @param options   {@code regex_options}; each must be {@link PcreOption#isSupported()}
 * @param noMatch   {@code regex_no_match}
 * @param minOffset {@code regex_min_offset}; default 0
 * @param maxOffset {@code regex_max_offset}, not below minOffset; default none
 */
public record BodyRegex(String pattern, Set<PcreOption> options, boolean noMatch, int minOffset, OptionalInt maxOffset) {

    public BodyRegex {
        Objects.requireNonNull(pattern, "pattern");
        options = options.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(options));
        Objects.requireNonNull(maxOffset, "maxOffset");
        for (PcreOption o : options) {
            if (!o.isSupported()) {
                throw new IllegalArgumentException("regex_options " + o.keyword()
                        + " changes what matches and Java regexes have no equivalent");
            }
        }
        if (minOffset < 0) {
            throw new IllegalArgumentException("regex_min_offset must be >= 0: " + minOffset);
        }
        if (maxOffset.isPresent() && maxOffset.getAsInt() < minOffset) {
            throw new IllegalArgumentException("regex_max_offset " + maxOffset.getAsInt()
                    + " is below regex_min_offset " + minOffset);
        }
        try {
            Pattern.compile(pattern, flags(options));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("bad regex: " + e.getMessage(), e);
        }
    }

    /** {@code regex PATTERN} alone: searched in the whole body, a match passes. */
    public static BodyRegex of(String pattern) {
        return new BodyRegex(pattern, Set.of(), false, 0, OptionalInt.empty());
    }

    public BodyRegex withNoMatch(boolean value) {
        return new BodyRegex(pattern, options, value, minOffset, maxOffset);
    }

    /** Compiled once per check (see {@link HttpGetChecker#prepare}), used for every attempt. */
    Pattern compile() {
        return Pattern.compile(pattern, flags(options));
    }

    private static int flags(Set<PcreOption> options) {
        int flags = Pattern.UNIX_LINES;
        for (PcreOption o : options) {
            flags |= o.javaFlags();
        }
        return flags;
    }

    /** Whether {@code body} passes: a match found in the allowed window, or none with regex_no_match. */
    boolean passes(Pattern compiled, byte[] body) {
        return found(compiled, body) != noMatch;
    }

    private boolean found(Pattern compiled, byte[] body) {
        if (minOffset > body.length) {
            return false; // PCRE2_ERROR_BADOFFSET
        }
        CharSequence subject;
        int start;
        int limit;
        if (options.contains(PcreOption.UTF)) {
            try {
                subject = utf8(body, body.length);
                start = utf8(body, minOffset).length();
                limit = maxOffset.isPresent() && maxOffset.getAsInt() < body.length
                        ? utf8(body, maxOffset.getAsInt()).length() : Integer.MAX_VALUE;
            } catch (CharacterCodingException e) {
                return false;
            }
        } else {
            subject = new String(body, StandardCharsets.ISO_8859_1);
            start = minOffset;
            limit = maxOffset.orElse(Integer.MAX_VALUE);
        }
        if (options.contains(PcreOption.FIRSTLINE)) {
            int newline = indexOf(subject, '\n', start);
            if (newline >= 0) {
                limit = Math.min(limit, newline);
            }
        }
        // Transparent, non-anchoring bounds: lookbehind sees before the start offset and ^ does
        // not match there, as with pcre2_match's start offset.
        Matcher m = compiled.matcher(subject).region(start, subject.length())
                .useTransparentBounds(true).useAnchoringBounds(false);
        return m.find() && m.start() <= limit;
    }

    private static CharSequence utf8(byte[] body, int length) throws CharacterCodingException {
        CharBuffer decoded = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(body, 0, length));
        return decoded;
    }

    private static int indexOf(CharSequence s, char c, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }
}
