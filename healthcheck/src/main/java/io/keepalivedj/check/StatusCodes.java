package io.keepalivedj.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The HTTP status codes a {@code url} accepts. keepalived.conf(5): "status_code
 * &lt;INTEGER|RANGE&gt; [&lt;INTEGER|RANGE&gt;] ... eg status_code 200 or status_code 200-299
 * 400-499 503 505. Default is 200-299".
 */
public record StatusCodes(List<Range> ranges) {

    /** keepalived.conf(5): "Default is 200-299". */
    public static final StatusCodes DEFAULT = new StatusCodes(List.of(new Range(200, 299)));

    public StatusCodes {
        ranges = List.copyOf(ranges);
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("status_code needs at least one code or range");
        }
    }

    /** Parses the words after {@code status_code}: {@code "200"}, {@code "200-299"}. */
    public static StatusCodes parse(String... words) {
        List<Range> out = new ArrayList<>();
        for (String word : words) {
            int dash = word.indexOf('-');
            try {
                if (dash < 0) {
                    int code = Integer.parseInt(word);
                    out.add(new Range(code, code));
                } else {
                    out.add(new Range(Integer.parseInt(word.substring(0, dash)), Integer.parseInt(word.substring(dash + 1))));
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad status_code '" + word + "'", e);
            }
        }
        return new StatusCodes(out);
    }

    public boolean contains(int status) {
        for (Range r : ranges) {
            if (r.contains(status)) {
                return true;
            }
        }
        return false;
    }

    /** The config spelling, {@code "200-299 503"}, used in failure reasons. */
    @Override
    public String toString() {
        return ranges.stream().map(Range::toString).collect(Collectors.joining(" "));
    }

    /** An inclusive range of status codes; one code is {@code from == to}. */
    public record Range(int from, int to) {
        public Range {
            // Three-digit codes only: RFC 9110 §15 "three-digit integer code".
            if (from < 100 || to > 999 || from > to) {
                throw new IllegalArgumentException("bad status code range " + from + "-" + to);
            }
        }

        public boolean contains(int status) {
            return status >= from && status <= to;
        }

        @Override
        public String toString() {
            return from == to ? Integer.toString(from) : from + "-" + to;
        }
    }

    static StatusCodes of(int... codes) {
        Objects.requireNonNull(codes);
        List<Range> out = new ArrayList<>();
        for (int c : codes) {
            out.add(new Range(c, c));
        }
        return new StatusCodes(out);
    }
}
