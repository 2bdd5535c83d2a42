package io.keepalivedj.check;

import java.util.Objects;
import java.util.function.Consumer;

/** The real {@link CheckRunner}: HTTP_GET and TCP_CHECK on the NIO loop, MISC_CHECK as processes. */
public final class NetworkCheckRunner implements CheckRunner {

    private final HttpGetChecker http;
    private final TcpChecker tcp;
    private final MiscChecker misc;

    public NetworkCheckRunner(NioEventLoop loop) {
        Objects.requireNonNull(loop, "loop");
        this.http = new HttpGetChecker(loop);
        this.tcp = new TcpChecker(loop);
        this.misc = new MiscChecker(loop);
    }

    @Override
    public boolean supports(CheckSpec spec) {
        if (spec instanceof HttpGetCheck h) {
            return !h.ssl();
        } else if (spec instanceof TcpCheck || spec instanceof MiscCheck) {
            return true;
        } else {
            throw new AssertionError(spec);
        }
    }

    @Override
    public Cancellable start(CheckSpec spec, Consumer<AttemptOutcome> done) {
        if (spec instanceof HttpGetCheck h) {
            return http.check(h, done);
        } else if (spec instanceof TcpCheck t) {
            return tcp.check(t, done);
        } else if (spec instanceof MiscCheck m) {
            return misc.check(m, done);
        } else {
            throw new AssertionError(spec);
        }
    }
}
