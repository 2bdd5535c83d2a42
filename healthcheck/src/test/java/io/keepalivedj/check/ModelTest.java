package io.keepalivedj.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ModelTest {

    static final InetAddress RS = InetAddress.getLoopbackAddress();

    @Test
    void defaultsFollowKeepalivedConfManPage() {
        CheckOptions http = CheckOptions.defaults(CheckType.HTTP_GET);
        assertThat(http.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(http.retry()).isEqualTo(1);
        assertThat(http.delayBeforeRetry()).isEqualTo(Duration.ofSeconds(3));
        assertThat(http.delayLoop()).isEqualTo(Duration.ofSeconds(60));
        assertThat(http.warmup()).isEqualTo(Duration.ofSeconds(60));
        assertThat(http.alpha()).isFalse();
        assertThat(http.logAllFailures()).isFalse();

        assertThat(CheckOptions.defaults(CheckType.SSL_GET).delayBeforeRetry()).isEqualTo(Duration.ofSeconds(3));
        assertThat(CheckOptions.defaults(CheckType.TCP_CHECK).retry()).isEqualTo(1);
        assertThat(CheckOptions.defaults(CheckType.TCP_CHECK).delayBeforeRetry()).isEqualTo(Duration.ofSeconds(1));
        assertThat(CheckOptions.defaults(CheckType.MISC_CHECK).retry()).isZero();
        assertThat(CheckOptions.defaults(CheckType.MISC_CHECK).delayBeforeRetry()).isEqualTo(Duration.ofSeconds(1));
        assertThat(CheckOptions.defaults(CheckType.DNS_CHECK).retry()).isEqualTo(3);
        CheckOptions dns = CheckOptions.builder(CheckType.DNS_CHECK).delayLoop(Duration.ofSeconds(7)).build();
        assertThat(dns.delayBeforeRetry()).isEqualTo(Duration.ofSeconds(7));
        assertThat(dns.warmup()).isEqualTo(Duration.ofSeconds(7));
        for (CheckType t : List.of(CheckType.SMTP_CHECK, CheckType.UDP_CHECK, CheckType.PING_CHECK)) {
            assertThat(CheckOptions.defaults(t).retry()).isEqualTo(1);
            assertThat(CheckOptions.defaults(t).delayBeforeRetry()).isEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void builderKeepsExplicitValues() {
        CheckOptions o = CheckOptions.builder(CheckType.HTTP_GET).retry(0).delayBeforeRetry(Duration.ZERO)
                .warmup(Duration.ZERO).alpha(true).connectTimeout(Duration.ofMillis(200)).build();
        assertThat(o.retry()).isZero();
        assertThat(o.delayBeforeRetry()).isZero();
        assertThat(o.warmup()).isZero();
        assertThat(o.alpha()).isTrue();
        assertThat(o.connectTimeout()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void optionsRejectNonsense() {
        CheckOptions o = CheckOptions.defaults(CheckType.TCP_CHECK);
        assertThatThrownBy(() -> o.withRetry(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> o.withDelayLoop(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> o.withConnectTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> o.withWarmup(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statusCodesParseRangesAndPrintConfigSpelling() {
        StatusCodes codes = StatusCodes.parse("200", "300-399", "503");
        assertThat(codes.contains(200)).isTrue();
        assertThat(codes.contains(201)).isFalse();
        assertThat(codes.contains(302)).isTrue();
        assertThat(codes.contains(503)).isTrue();
        assertThat(codes).hasToString("200 300-399 503");
        assertThat(StatusCodes.DEFAULT).hasToString("200-299");
        assertThatThrownBy(() -> StatusCodes.parse("299-200")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatusCodes.parse("abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatusCodes.parse()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void urlCheckValidatesDigestAndRegex() {
        assertThat(UrlCheck.of("/").withDigest("6F5902AC237024BDD0C176CB93063DC4").digest())
                .contains("6f5902ac237024bdd0c176cb93063dc4");
        assertThatThrownBy(() -> UrlCheck.of("/").withDigest("abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UrlCheck.of("/").withRegex("(", false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UrlCheck.of("/a b")).isInstanceOf(IllegalArgumentException.class);
        assertThat(UrlCheck.of("/").withRegex("^bye", true).regex()).contains(BodyRegex.of("^bye").withNoMatch(true));
    }

    @Test
    void targetAppliesConnectOverridesAndBind() throws Exception {
        InetAddress other = InetAddress.getByName("192.0.2.7");
        CheckTarget t = CheckTarget.of(RS, 80);
        assertThat(t.connectAddress().getAddress()).isEqualTo(RS);
        assertThat(t.connectAddress().getPort()).isEqualTo(80);
        assertThat(t.bindSocketAddress()).isEmpty();
        CheckTarget o = t.withConnect(other, 8080).withBind(RS, OptionalInt.of(5555));
        assertThat(o.connectAddress().getAddress()).isEqualTo(other);
        assertThat(o.connectAddress().getPort()).isEqualTo(8080);
        assertThat(o.bindSocketAddress().orElseThrow().getPort()).isEqualTo(5555);
        assertThat(t).hasToString("127.0.0.1:80");
        assertThat(CheckTarget.of(InetAddress.getByName("2001:db8::1"), 80)).hasToString("[2001:db8:0:0:0:0:0:1]:80");
        assertThatThrownBy(() -> CheckTarget.of(RS, 65536)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void specsValidate() {
        CheckTarget noPort = CheckTarget.of(RS, 0);
        assertThatThrownBy(() -> HttpGetCheck.of(noPort, UrlCheck.of("/"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpGetCheck.of(CheckTarget.of(RS, 80))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TcpCheck(noPort, CheckOptions.defaults(CheckType.TCP_CHECK)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MiscCheck.of(noPort, List.of())).isInstanceOf(IllegalArgumentException.class);
        MiscCheck misc = MiscCheck.of(noPort, List.of("/bin/true"));
        assertThat(misc.effectiveTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(misc.withTimeout(Duration.ofSeconds(3)).effectiveTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(misc.type()).isEqualTo(CheckType.MISC_CHECK);
        assertThat(HttpGetCheck.of(CheckTarget.of(RS, 80), UrlCheck.of("/")).type()).isEqualTo(CheckType.HTTP_GET);
    }

    @Test
    void httpProtocolNames() {
        assertThat(HttpProtocol.fromConfigName("1.0c")).isEqualTo(HttpProtocol.HTTP_1_0C);
        assertThat(HttpProtocol.fromConfigName("1.1").requestVersion()).isEqualTo("HTTP/1.1");
        assertThat(HttpProtocol.HTTP_1_0.connectionClose()).isFalse();
        assertThatThrownBy(() -> HttpProtocol.fromConfigName("2")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reasonsReadAsTheBriefSays() {
        assertThat(new FailureReason.ConnectTimeout(Duration.ofSeconds(5)).message()).isEqualTo("connect timeout after 5 s");
        assertThat(new FailureReason.ConnectTimeout(Duration.ofMillis(1500)).message()).isEqualTo("connect timeout after 1.5 s");
        assertThat(new FailureReason.ReadTimeout(Duration.ofMillis(200)).message()).isEqualTo("read timeout after 200 ms");
        assertThat(new FailureReason.StatusMismatch("/", 503, StatusCodes.DEFAULT).message()).isEqualTo("status 503 not in 200-299 for /");
        assertThat(new FailureReason.ConnectionRefused().message()).isEqualTo("connection refused");
        assertThat(new FailureReason.ConnectionReset().message()).isEqualTo("connection reset");
        assertThat(new FailureReason.DigestMismatch("/", "a", "b").message()).isEqualTo("digest mismatch: got a want b for /");
    }

    /** Every CheckSpec kind reaches a checker in the real runner, and its type() is its own. */
    @Test
    void networkRunnerHandlesEveryCheckSpec() throws Exception {
        CheckTarget t = CheckTarget.of(RS, 80);
        List<CheckSpec> one = List.of(
                HttpGetCheck.of(t, UrlCheck.of("/")),
                HttpGetCheck.ssl(t, UrlCheck.of("/")),
                new TcpCheck(t, CheckOptions.defaults(CheckType.TCP_CHECK)),
                MiscCheck.of(t, List.of("/bin/true")),
                DnsCheck.of(t),
                SmtpCheck.of(t, "lb1"),
                UdpCheck.of(t),
                PingCheck.of(t),
                FileCheck.of(t, java.nio.file.Path.of("/nonexistent"), 0));
        assertThat(one.stream().map(Object::getClass).distinct())
                .containsExactlyInAnyOrder(CheckSpec.class.getPermittedSubclasses());
        assertThat(one.stream().map(CheckSpec::type))
                .containsExactlyInAnyOrder(CheckType.HTTP_GET, CheckType.SSL_GET, CheckType.TCP_CHECK, CheckType.MISC_CHECK,
                        CheckType.DNS_CHECK, CheckType.SMTP_CHECK, CheckType.UDP_CHECK, CheckType.PING_CHECK, CheckType.FILE_CHECK);
        try (NioEventLoop loop = new NioEventLoop("model-test")) {
            NetworkCheckRunner runner = new NetworkCheckRunner(loop);
            for (CheckSpec s : one) {
                assertThat(runner.supports(s)).as(s.type().name()).isTrue();
            }
        }
    }

    /** STYLE.md: every sealed hierarchy is walked so no subtype goes unhandled. */
    @Test
    void sealedHierarchiesAreHandled() {
        assertThat(CheckSpec.class.getPermittedSubclasses()).hasSize(8);
        assertThat(AttemptOutcome.class.getPermittedSubclasses()).hasSize(2);
        CheckerState up = new CheckerState(Health.UP, true, 0, OptionalInt.empty());
        for (Class<?> c : AttemptOutcome.class.getPermittedSubclasses()) {
            AttemptOutcome o = c == AttemptOutcome.Success.class
                    ? AttemptOutcome.Success.of(Duration.ZERO)
                    : new AttemptOutcome.Failure(new FailureReason.ConnectionRefused(), Duration.ZERO);
            assertThat(CheckerStateMachine.next(up, o, CheckOptions.defaults(CheckType.TCP_CHECK))).isNotNull();
        }
        for (Class<?> c : FailureReason.class.getPermittedSubclasses()) {
            assertThat(c.isRecord()).as(c.getName()).isTrue();
        }
        assertThat(CheckEvent.class.getPermittedSubclasses()).hasSize(3);
    }

    @Test
    void timerSlackIsBounded() {
        assertThatThrownBy(() -> new NioEventLoop("x", Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NioEventLoop("x", Duration.ofSeconds(2))).isInstanceOf(IllegalArgumentException.class);
    }
}
