package io.keepalivedj.check;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The PCRE2 option names keepalived.conf(5) accepts in {@code regex_options}, and what each
 * means for a url's regex here, where the pattern runs as a {@link Pattern}.
 *
 * <p>Three kinds: options with a Java flag of the same meaning ({@code caseless},
 * {@code multiline}, ...); options that change how PCRE2 optimises, restricts or reports a
 * match but not whether a subject matches ({@code no_start_optimize}, {@code never_utf},
 * {@code no_auto_capture}, ...), accepted with no effect since a url check only asks "found or
 * not"; and options whose meaning has no Java counterpart ({@code ungreedy},
 * {@code dollar_endonly}, ...), which are refused by name rather than silently ignored, since
 * ignoring them would change verdicts. {@code utf} and {@code firstline} are applied by
 * {@link BodyRegex} itself (decoding the body; bounding where a match may start).
 */
public enum PcreOption {
    ALLOW_EMPTY_CLASS(Kind.UNSUPPORTED, 0),
    ALT_BSUX(Kind.UNSUPPORTED, 0),
    ALT_CIRCUMFLEX(Kind.UNSUPPORTED, 0),
    ALT_VERBNAMES(Kind.UNSUPPORTED, 0),
    AUTO_CALLOUT(Kind.NO_EFFECT, 0),
    CASELESS(Kind.FLAG, Pattern.CASE_INSENSITIVE),
    DOLLAR_ENDONLY(Kind.UNSUPPORTED, 0),
    DOTALL(Kind.FLAG, Pattern.DOTALL),
    DUPNAMES(Kind.UNSUPPORTED, 0),
    EXTENDED(Kind.FLAG, Pattern.COMMENTS),
    FIRSTLINE(Kind.BODY_REGEX, 0),
    MATCH_UNSET_BACKREF(Kind.UNSUPPORTED, 0),
    MULTILINE(Kind.FLAG, Pattern.MULTILINE),
    NEVER_BACKSLASH_C(Kind.NO_EFFECT, 0),
    NEVER_UCP(Kind.NO_EFFECT, 0),
    NEVER_UTF(Kind.NO_EFFECT, 0),
    NO_AUTO_CAPTURE(Kind.NO_EFFECT, 0),
    NO_AUTO_POSSESS(Kind.NO_EFFECT, 0),
    NO_DOTSTAR_ANCHOR(Kind.NO_EFFECT, 0),
    NO_START_OPTIMIZE(Kind.NO_EFFECT, 0),
    UCP(Kind.FLAG, Pattern.UNICODE_CHARACTER_CLASS),
    UNGREEDY(Kind.UNSUPPORTED, 0),
    USE_OFFSET_LIMIT(Kind.NO_EFFECT, 0),
    UTF(Kind.BODY_REGEX, Pattern.UNICODE_CASE);

    private enum Kind { FLAG, NO_EFFECT, BODY_REGEX, UNSUPPORTED }

    private final Kind kind;
    private final int javaFlags;

    PcreOption(Kind kind, int javaFlags) {
        this.kind = kind;
        this.javaFlags = javaFlags;
    }

    /** The keepalived.conf spelling, e.g. {@code no_start_optimize}. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The option named {@code keyword} as keepalived.conf spells it. */
    public static Optional<PcreOption> forKeyword(String keyword) {
        for (PcreOption o : values()) {
            if (o.keyword().equals(keyword)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    /** Whether a url regex can honour this option; the others are refused. */
    public boolean isSupported() {
        return kind != Kind.UNSUPPORTED;
    }

    /** The {@link Pattern} flags this option adds. */
    int javaFlags() {
        return javaFlags;
    }
}
