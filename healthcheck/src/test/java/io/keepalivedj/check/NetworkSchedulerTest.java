package io.keepalivedj.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The real loop, runner and scheduler against a real HTTP server going away and back. */
class NetworkSchedulerTest {

    @Test
    void realServerGoesDownAndUp() throws Exception {
        InetAddress lo = InetAddress.getLoopbackAddress();
        HttpServer http = HttpServer.create(new InetSocketAddress(lo, 0), 0);
        java.util.concurrent.atomic.AtomicInteger status = new java.util.concurrent.atomic.AtomicInteger(200);
        http.createContext("/", ex -> {
            ex.sendResponseHeaders(status.get(), 2);
            try (OutputStream out = ex.getResponseBody()) {
                out.write("ok".getBytes());
            }
        });
        http.start();
        try (NioEventLoop loop = new NioEventLoop("sched-test");
             CheckScheduler scheduler = new CheckScheduler(loop, new NetworkCheckRunner(loop), RandomGenerator.getDefault())) {
            BlockingQueue<CheckEvent> events = new LinkedBlockingQueue<>();
            scheduler.addListener(events::add);
            CheckOptions opts = CheckOptions.builder(CheckType.HTTP_GET).delayLoop(Duration.ofMillis(50))
                    .delayBeforeRetry(Duration.ofMillis(10)).retry(1).warmup(Duration.ZERO).alpha(true).build();
            CheckId id = scheduler.add(HttpGetCheck.of(CheckTarget.of(lo, http.getAddress().getPort()), UrlCheck.of("/"))
                    .withOptions(opts));
            assertThat(events.poll(30, TimeUnit.SECONDS)).isInstanceOf(CheckEvent.Up.class);
            status.set(503);
            CheckEvent down = events.poll(30, TimeUnit.SECONDS);
            assertThat(down).isInstanceOfSatisfying(CheckEvent.Down.class,
                    d -> assertThat(d.reason().message()).isEqualTo("status 503 not in 200-299 for /"));
            status.set(200);
            assertThat(events.poll(30, TimeUnit.SECONDS)).isInstanceOf(CheckEvent.Up.class);
            assertThat(scheduler.status(id).orElseThrow().lastResult()).isPresent();
        } finally {
            http.stop(0);
        }
    }
}
