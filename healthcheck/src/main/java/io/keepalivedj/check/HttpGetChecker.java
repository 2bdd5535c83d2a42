package io.keepalivedj.check;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * HTTP_GET and SSL_GET over {@link NioEventLoop}: each {@code url} is fetched on its own connection, in
 * order; the attempt passes when every URL passes (keepalived.conf(5): "healthcheck needs
 * digest or status_code and digest"), and fails with the first failing URL's reason.
 *
 * <p>Order of the per-URL tests: status_code, then digest, then regex, so the reason names
 * the most basic thing that is wrong.
 */
public final class HttpGetChecker {

    private final NioEventLoop loop;
    private final SSLContext tls;

    /** SSL_GET without an {@code SSL { }} block: certificates are not verified. */
    public HttpGetChecker(NioEventLoop loop) {
        this(loop, SslOptions.NONE);
    }

    /**
     * @throws IllegalArgumentException if {@code ssl} names a CA file that cannot be used
     */
    public HttpGetChecker(NioEventLoop loop, SslOptions ssl) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.tls = TlsContexts.create(Objects.requireNonNull(ssl, "ssl"));
    }

    /** Starts one attempt; {@code done} runs once, on the loop thread, unless cancelled. */
    public Cancellable check(HttpGetCheck spec, Consumer<AttemptOutcome> done) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(done, "done");
        Run run = new Run(spec, done);
        loop.execute(run::next);
        return run;
    }

    /** Fetches the URLs one after another. Loop thread only. */
    private final class Run implements Cancellable {
        private final HttpGetCheck spec;
        private final Consumer<AttemptOutcome> done;
        private final long startNanos = loop.nanoTime();
        private int index;
        private volatile HttpFetch current;
        private volatile boolean cancelled;

        Run(HttpGetCheck spec, Consumer<AttemptOutcome> done) {
            this.spec = spec;
            this.done = done;
        }

        void next() {
            if (cancelled) {
                return;
            }
            List<UrlCheck> urls = spec.urls();
            if (index == urls.size()) {
                done.accept(AttemptOutcome.Success.of(elapsed()));
                return;
            }
            UrlCheck url = urls.get(index);
            String host = url.virtualhost().or(spec::virtualhost)
                    .orElseGet(() -> HttpRequests.hostOf(spec.target().connectAddress()));
            byte[] request = HttpRequests.get(spec.protocol(), url.path(), host);
            InetSocketAddress remote = spec.target().connectAddress();
            Optional<SSLEngine> engine = spec.ssl()
                    ? Optional.of(TlsContexts.clientEngine(tls, remote.getAddress().getHostAddress(), remote.getPort(),
                            spec.sniFor(url)))
                    : Optional.empty();
            current = new HttpFetch(loop, remote, spec.target().bindSocketAddress(), spec.options().connectTimeout(),
                    engine, request, url.regex().isPresent(), r -> onFetched(url, r));
            current.start();
        }

        private void onFetched(UrlCheck url, HttpFetch.Result result) {
            if (cancelled) {
                return;
            }
            if (result instanceof HttpFetch.Failed failed) {
                done.accept(new AttemptOutcome.Failure(failed.failure().reason(), elapsed()));
            } else if (result instanceof HttpFetch.Fetched fetched) {
                FailureReason reason = evaluate(url, fetched.response());
                if (reason != null) {
                    done.accept(new AttemptOutcome.Failure(reason, elapsed()));
                } else {
                    index++;
                    next();
                }
            } else {
                throw new AssertionError(result);
            }
        }

        private Duration elapsed() {
            return Duration.ofNanos(loop.nanoTime() - startNanos);
        }

        @Override
        public void cancel() {
            cancelled = true;
            HttpFetch f = current;
            if (f != null) {
                f.cancel();
            }
        }
    }

    /** The URL's verdict on a response: null when it passes. */
    static FailureReason evaluate(UrlCheck url, HttpResponse response) {
        if (!url.statusCodes().contains(response.status())) {
            return new FailureReason.StatusMismatch(url.path(), response.status(), url.statusCodes());
        }
        if (url.digest().isPresent() && !url.digest().get().equals(response.md5Hex())) {
            return new FailureReason.DigestMismatch(url.path(), response.md5Hex(), url.digest().get());
        }
        if (url.regex().isPresent()) {
            boolean found = Pattern.compile(url.regex().get()).matcher(response.bodyText()).find();
            if (found == url.regexNoMatch()) {
                return new FailureReason.RegexMismatch(url.path(), url.regex().get(), url.regexNoMatch());
            }
        }
        return null;
    }
}
