package io.keepalivedj.check;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * The real {@link CheckRunner}: HTTP_GET, SSL_GET, TCP_CHECK, SMTP_CHECK, DNS_CHECK and
 * UDP_CHECK on the NIO loop; FILE_CHECK reads on the loop; MISC_CHECK as processes;
 * PING_CHECK on shared ICMP ping sockets with one receiver thread ({@link PingChecker}).
 * {@link #close} releases those sockets and that thread; they also go when the loop ends.
 */
public final class NetworkCheckRunner implements CheckRunner, AutoCloseable {

    private final HttpGetChecker http;
    private final TcpChecker tcp;
    private final MiscChecker misc;
    private final DnsChecker dns;
    private final SmtpChecker smtp;
    private final UdpChecker udp;
    private final PingChecker ping;
    private final FileChecker file;

    public NetworkCheckRunner(NioEventLoop loop) {
        this(loop, SslOptions.NONE);
    }

    /** {@code ssl}: the {@code SSL { }} block SSL_GET checks use. */
    public NetworkCheckRunner(NioEventLoop loop, SslOptions ssl) {
        Objects.requireNonNull(loop, "loop");
        this.http = new HttpGetChecker(loop, ssl);
        this.tcp = new TcpChecker(loop);
        this.misc = new MiscChecker(loop);
        // DNS IDs and UDP payloads need not be secret, only unpredictable to a casual spoofer.
        RandomGenerator random = new SecureRandom();
        this.dns = new DnsChecker(loop, random);
        this.smtp = new SmtpChecker(loop);
        this.udp = new UdpChecker(loop, random);
        this.ping = new PingChecker(loop);
        this.file = new FileChecker(loop);
    }

    @Override
    public boolean supports(CheckSpec spec) {
        if (spec instanceof HttpGetCheck || spec instanceof TcpCheck || spec instanceof MiscCheck
                || spec instanceof DnsCheck || spec instanceof SmtpCheck || spec instanceof UdpCheck
                || spec instanceof PingCheck || spec instanceof FileCheck) {
            return true;
        } else {
            throw new AssertionError(spec);
        }
    }

    /** HTTP_GET and SSL_GET pre-encode their requests; the others are cheap to start from the spec. */
    @Override
    public PreparedCheck prepare(CheckSpec spec) {
        if (spec instanceof HttpGetCheck h) {
            return http.prepare(h);
        }
        return done -> start(spec, done);
    }

    /** Closes PING_CHECK's sockets and receiver thread; the other checkers hold nothing between attempts. */
    @Override
    public void close() {
        ping.close();
    }

    @Override
    public Cancellable start(CheckSpec spec, Consumer<AttemptOutcome> done) {
        if (spec instanceof HttpGetCheck h) {
            return http.check(h, done);
        } else if (spec instanceof TcpCheck t) {
            return tcp.check(t, done);
        } else if (spec instanceof MiscCheck m) {
            return misc.check(m, done);
        } else if (spec instanceof DnsCheck d) {
            return dns.check(d, done);
        } else if (spec instanceof SmtpCheck s) {
            return smtp.check(s, done);
        } else if (spec instanceof UdpCheck u) {
            return udp.check(u, done);
        } else if (spec instanceof PingCheck p) {
            return ping.check(p, done);
        } else if (spec instanceof FileCheck f) {
            return file.check(f, done);
        } else {
            throw new AssertionError(spec);
        }
    }
}
