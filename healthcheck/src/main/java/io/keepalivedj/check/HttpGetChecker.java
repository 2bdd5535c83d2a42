package io.keepalivedj.check;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
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
        return prepare(spec).start(done);
    }

    /**
     * Encodes each URL's request and resolves the addresses once; every attempt of the result
     * reuses them (see {@link PreparedCheck}).
     */
    public PreparedCheck prepare(HttpGetCheck spec) {
        Objects.requireNonNull(spec, "spec");
        InetSocketAddress remote = spec.target().connectAddress();
        Optional<InetSocketAddress> local = spec.target().bindSocketAddress();
        String defaultHost = spec.virtualhost().orElseGet(() -> HttpRequests.hostOf(remote));
        List<UrlFetch> fetches = new ArrayList<>(spec.urls().size());
        for (UrlCheck url : spec.urls()) {
            byte[] request = HttpRequests.get(spec.protocol(), url.path(), url.virtualhost().orElse(defaultHost));
            fetches.add(new UrlFetch(url, ByteBuffer.wrap(request).asReadOnlyBuffer(), spec.sniFor(url),
                    url.regex().map(BodyRegex::compile)));
        }
        Prepared prepared = new Prepared(spec, remote, local, ProbeSocketOptions.of(spec.target()),
                List.copyOf(fetches));
        return done -> {
            Objects.requireNonNull(done, "done");
            Run run = new Run(prepared, done);
            // The scheduler starts attempts from a timer on the loop: no task hop then.
            if (loop.inEventLoop()) {
                run.next();
            } else {
                loop.execute(run::next);
            }
            return run;
        };
    }

    /** One url block, ready to send: the request is read-only and duplicated per attempt. */
    private record UrlFetch(UrlCheck url, ByteBuffer request, Optional<String> sni, Optional<Pattern> regex) {
    }

    private record Prepared(HttpGetCheck spec, InetSocketAddress remote, Optional<InetSocketAddress> local,
                            ProbeSocketOptions socketOptions, List<UrlFetch> fetches) {
    }

    /** Fetches the URLs one after another. Loop thread only. */
    private final class Run implements Cancellable {
        private final Prepared prepared;
        private final Consumer<AttemptOutcome> done;
        private final long startNanos = loop.nanoTime();
        private int index;
        private volatile HttpFetch current;
        private volatile boolean cancelled;

        Run(Prepared prepared, Consumer<AttemptOutcome> done) {
            this.prepared = prepared;
            this.done = done;
        }

        void next() {
            if (cancelled) {
                return;
            }
            List<UrlFetch> fetches = prepared.fetches();
            if (index == fetches.size()) {
                done.accept(AttemptOutcome.Success.of(elapsed()));
                return;
            }
            UrlFetch fetch = fetches.get(index);
            HttpGetCheck spec = prepared.spec();
            InetSocketAddress remote = prepared.remote();
            Optional<SSLEngine> engine = spec.ssl()
                    ? Optional.of(TlsContexts.clientEngine(tls, remote.getAddress().getHostAddress(), remote.getPort(),
                            fetch.sni()))
                    : Optional.empty();
            UrlCheck url = fetch.url();
            current = new HttpFetch(loop, remote, prepared.local(), spec.options().connectTimeout(), engine,
                    fetch.request(), url.digest().isPresent(), url.regex().isPresent(), r -> onFetched(fetch, r));
            current.socketOptions(prepared.socketOptions());
            current.start();
        }
        private void onFetched(UrlFetch fetch, HttpFetch.Result result) {
            if (cancelled) {
                return;
            }
            if (result instanceof HttpFetch.Failed failed) {
                done.accept(new AttemptOutcome.Failure(failed.failure().reason(), elapsed()));
            } else if (result instanceof HttpFetch.Fetched fetched) {
                FailureReason reason = evaluate(fetch.url(), fetch.regex(), fetched.response());
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
        return evaluate(url, url.regex().map(BodyRegex::compile), response);
    }

    /** As above with the url's regex compiled once per check, not per attempt. */
    static FailureReason evaluate(UrlCheck url, Optional<Pattern> regex, HttpResponse response) {
        if (!url.statusCodes().contains(response.status())) {
            return new FailureReason.StatusMismatch(url.path(), response.status(), url.statusCodes());
        }
        if (url.digest().isPresent() && !url.digest().get().equals(response.md5Hex())) {
            return new FailureReason.DigestMismatch(url.path(), response.md5Hex(), url.digest().get());
        }
        if (url.regex().isPresent()) {
            BodyRegex r = url.regex().get();
            if (!response.bodyPasses(r, regex.orElseThrow())) {
                return new FailureReason.RegexMismatch(url.path(), r.pattern(), r.noMatch());
            }
        }
        return null;
    }
}
