package io.keepalivedj.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * SMTP_CHECK over {@link NioEventLoop}: connect, read the greeting (must be 220), send
 * {@code HELO helo_name}, read the reply (must be 250), send {@code QUIT} and pass; the
 * server's 221 is not awaited. Multi-line replies ("250-...") are read to their last line
 * (RFC 5321 §4.2.1). Each read waits at most connect_timeout, as for HTTP_GET.
 */
public final class SmtpChecker {

    /** Longest reply line accepted (RFC 5321 §4.5.3.1.5: 512 octets; generous). */
    static final int LINE_LIMIT = 4096;

    private final NioEventLoop loop;

    public SmtpChecker(NioEventLoop loop) {
        this.loop = Objects.requireNonNull(loop, "loop");
    }

    /** Starts one attempt; {@code done} runs once, on the loop thread, unless cancelled. */
    public Cancellable check(SmtpCheck spec, Consumer<AttemptOutcome> done) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(done, "done");
        Dialogue d = new Dialogue(spec, done);
        loop.execute(d::start);
        return d;
    }

    private enum Stage {
        GREETING("greeting", 220),
        HELO("HELO", 250),
        QUIT("QUIT", 0);

        final String label;
        final int expected;

        Stage(String label, int expected) {
            this.label = label;
            this.expected = expected;
        }
    }

    private final class Dialogue extends SocketAttempt {
        private final SmtpCheck spec;
        private final Consumer<AttemptOutcome> done;
        private final ByteBuffer readBuf = ByteBuffer.allocate(4096);
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private ByteBuffer out = ByteBuffer.allocate(0);
        private Stage stage = Stage.GREETING;

        Dialogue(SmtpCheck spec, Consumer<AttemptOutcome> done) {
            super(SmtpChecker.this.loop, spec.target().connectAddress(), spec.target().bindSocketAddress(), spec.options().connectTimeout());
            // The target's bind_if/fwmark; a deprecated host { } block's own would need a target per
            // host, which is why the planner asks for one SMTP_CHECK per host instead.
            socketOptions(ProbeSocketOptions.of(spec.target()));
            this.spec = spec;
            this.done = done;
        }

        @Override
        protected void onConnected() {
            interest(SelectionKey.OP_READ);
        }

        @Override
        protected void onReadable() throws IOException {
            while (!isDone()) {
                readBuf.clear();
                int n = read(readBuf);
                if (n == 0) {
                    return;
                }
                if (n < 0) {
                    fail(new FailureReason.MalformedResponse("connection closed awaiting the SMTP " + stage.label + " reply"));
                    return;
                }
                progress();
                readBuf.flip();
                while (readBuf.hasRemaining() && !isDone()) {
                    byte b = readBuf.get();
                    if (b != '\n') {
                        line.write(b);
                        if (line.size() > LINE_LIMIT) {
                            fail(new FailureReason.MalformedResponse("SMTP line longer than " + LINE_LIMIT + " bytes"));
                        }
                        continue;
                    }
                    String text = line.toString(StandardCharsets.ISO_8859_1);
                    line.reset();
                    onLine(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
                }
            }
        }

        private void onLine(String text) throws IOException {
            if (text.length() < 3 || !text.substring(0, 3).chars().allMatch(Character::isDigit)
                    || (text.length() > 3 && text.charAt(3) != ' ' && text.charAt(3) != '-')) {
                fail(new FailureReason.MalformedResponse("not an SMTP reply: '" + printable(text) + "'"));
                return;
            }
            if (text.length() > 3 && text.charAt(3) == '-') {
                return; // a continuation line: the last line ("250 ...") decides
            }
            int code = Integer.parseInt(text.substring(0, 3));
            if (code != stage.expected) {
                fail(new FailureReason.SmtpReply(stage.label, stage.expected, printable(text)));
                return;
            }
            if (stage == Stage.GREETING) {
                stage = Stage.HELO;
                send("HELO " + spec.heloName() + "\r\n");
            } else if (stage == Stage.HELO) {
                stage = Stage.QUIT;
                send("QUIT\r\n");
            }
        }

        private void send(String command) throws IOException {
            out = ByteBuffer.wrap(command.getBytes(StandardCharsets.ISO_8859_1));
            onWritable();
        }

        @Override
        protected void onWritable() throws IOException {
            write(out);
            if (out.hasRemaining()) {
                interest(SelectionKey.OP_WRITE);
                return;
            }
            if (stage == Stage.QUIT) {
                succeed(AttemptOutcome.Success.of(elapsed()));
            } else {
                interest(SelectionKey.OP_READ);
            }
        }

        @Override
        protected void complete(AttemptOutcome outcome) {
            done.accept(outcome);
        }
    }

    private static String printable(String s) {
        String cut = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
