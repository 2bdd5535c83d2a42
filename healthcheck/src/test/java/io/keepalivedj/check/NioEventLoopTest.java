package io.keepalivedj.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The loop's own timer heap and deferred close; the checkers' tests cover the rest. */
class NioEventLoopTest {

    /**
     * Three groups of timers (delays 0, 0.5 s and 1 s), scheduled interleaved from the loop
     * thread with every third cancelled there (which takes it out of the heap at once): they
     * must run group by group, each in scheduling order, and the cancelled never. That order
     * only assumes that scheduling 600 timers takes less than 0.5 s; no timer's lateness matters.
     */
    @Test
    void timersRunInDeadlineOrderAndCancelledOnesNever() throws Exception {
        int perGroup = 200;
        long[] groupDelayMs = {1000, 500, 0};
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch last = new CountDownLatch(1);
        try (NioEventLoop loop = new NioEventLoop("timer-test", Duration.ZERO)) {
            CompletableFuture<Void> scheduled = new CompletableFuture<>();
            loop.execute(() -> {
                List<Cancellable> toCancel = new ArrayList<>();
                for (int i = 0; i < perGroup; i++) {
                    for (long delay : groupDelayMs) {
                        String name = delay + "/" + i;
                        Cancellable c = loop.schedule(Duration.ofMillis(delay), () -> ran.add(name));
                        if (i % 3 == 1) {
                            toCancel.add(c);
                        }
                    }
                }
                toCancel.forEach(Cancellable::cancel);
                loop.schedule(Duration.ofMillis(1100), last::countDown);
                scheduled.complete(null);
            });
            scheduled.get(10, TimeUnit.SECONDS);
            assertThat(last.await(10, TimeUnit.SECONDS)).isTrue();
        }
        List<String> expected = new ArrayList<>();
        for (long delay : new long[] {0, 500, 1000}) {
            for (int i = 0; i < perGroup; i++) {
                if (i % 3 != 1) {
                    expected.add(delay + "/" + i);
                }
            }
        }
        assertThat(ran).containsExactlyElementsOf(expected);
    }

    /** A channel handed to closeAfterSelect is closed by the loop (after its key is deregistered). */
    @Test
    void closeAfterSelectClosesTheChannel() throws Exception {
        try (NioEventLoop loop = new NioEventLoop("close-test");
             ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            SocketChannel client = SocketChannel.open(server.getLocalAddress());
            client.configureBlocking(false);
            CompletableFuture<SelectionKey> key = new CompletableFuture<>();
            loop.execute(() -> {
                try {
                    SelectionKey k = loop.register(client, SelectionKey.OP_READ, ready -> { });
                    loop.closeAfterSelect(k);
                    key.complete(k);
                } catch (IOException e) {
                    key.completeExceptionally(e);
                }
            });
            SelectionKey k = key.get(10, TimeUnit.SECONDS);
            try (SocketChannel accepted = server.accept()) {
                // The peer sees end of stream once the loop has closed our side.
                accepted.socket().setSoTimeout(10_000);
                assertThat(accepted.socket().getInputStream().read()).isEqualTo(-1);
            }
            assertThat(k.isValid()).isFalse();
            assertThat(client.isOpen()).isFalse();
        }
    }
}
