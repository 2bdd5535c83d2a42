package io.keepalivedj.bench.checks;

import io.keepalivedj.testing.ClassPath;
import io.keepalivedj.testing.JavaCommand;
import io.keepalivedj.testing.KernelVm;
import io.keepalivedj.testing.ProcessResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code ChecksBench --vs-keepalived-in-vm}: Debian's keepalived checker and ours on the same
 * HTTP_GET targets, one after the other in one {@link KernelVm} guest, each measured from
 * /proc/PID/stat over the same length of window, printed side by side with their ratio.
 *
 * <p>Why a guest: keepalived's checker registers its virtual_server in IPVS, which this host's
 * kernel lacks (docs: the anchors file). Why one after the other rather than at once: the
 * guest has one emulated vCPU (TCG), so two checkers at once would take CPU from each other and
 * from the responder, and each figure would depend on the other. Both see the same responder
 * process, the same targets and the same options (keepalived's defaults but delay_loop), and
 * run as the guest's only load. Checks per second come from the responder's count of answered
 * requests, so they are counted the same way for both.
 *
 * <p>Our checker runs in its own JVM ({@link VmChecker}) with the options {@code bin/keepalivedj}
 * gives the daemon ({@link #DAEMON_JVM_OPTIONS}: tiered C1 + C2), not the guest's C1-only test
 * options. Both checkers get the same settle before their window: long enough by default
 * (120 s) for C2 to finish compiling the check path under TCG, as it has in a daemon that has
 * run for minutes; the JIT's CPU in the settle is not counted, for keepalived there is none.
 *
 * <p>TCG runs CPU-bound code ~20x slower than the host: absolute figures only mean something
 * beside each other, as the ratio.
 */
final class KeepalivedVmBench {
  static final Path KEEPALIVED = Path.of("/usr/sbin/keepalived");
  /** Linux's USER_HZ, the unit of /proc/PID/stat's utime and stime, on every architecture we run on. */
  private static final long TICK_NANOS = 10_000_000L;
  /** {@code -Dkeepalivedj.bench.vmCounters=true}: print the guest's TCP counters around each window. */
  static final String COUNTERS_PROPERTY = "keepalivedj.bench.vmCounters";
  /**
   * The JVM options {@code bin/keepalivedj} runs the daemon with (keep the two equal): the
   * figure printed for us is the daemon's, C2 included.
   */
  static final List<String> DAEMON_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xshare:auto");
  /** Default settle before each window; see the class comment. */
  static final Duration DEFAULT_SETTLE = Duration.ofSeconds(120);

  private KeepalivedVmBench() {}

  /** Host side: boots the guest, runs {@link #main} there, prints what it printed. */
  static void runOnHost(int n, Duration delayLoop, Duration window, Duration settle) {
    if (!Files.isExecutable(KEEPALIVED)) {
      throw new IllegalStateException("the anchor needs Debian's keepalived at " + KEEPALIVED + " (apt-get install keepalived)");
    }
    System.out.printf(Locale.ROOT, "%nkeepalived vs ours in a KernelVm guest: %,d HTTP_GET targets, delay_loop %d s, %d s settle, %d s windows%n",
        n, delayLoop.toSeconds(), settle.toSeconds(), window.toSeconds());
    // Boot, three guest JVMs, keepalived, two settles and two windows, under TCG.
    Duration budget = window.plus(settle).multipliedBy(2).plusMinutes(8);
    try (KernelVm vm = KernelVm.create(KernelVm.Options.defaults().withTimeout(budget))) {
      List<String> argv = new ArrayList<>(JavaCommand.forKernelVm(KeepalivedVmBench.class,
          Integer.toString(n), Long.toString(delayLoop.toSeconds()), Long.toString(window.toSeconds()),
          Long.toString(settle.toSeconds())).argv());
      argv.add(1, "-D" + COUNTERS_PROPERTY + "=" + Boolean.getBoolean(COUNTERS_PROPERTY));
      ProcessResult r = vm.run(argv);
      System.out.print(r.stdout());
      if (r.exitCode() != 0) {
        System.out.print(r.stderr());
        throw new IllegalStateException("guest side exited " + r.exitCode());
      }
    }
  }

  /** Guest side: {@code KeepalivedVmBench N DELAY_LOOP_S WINDOW_S SETTLE_S}; root in the guest. */
  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    Duration delayLoop = Duration.ofSeconds(Long.parseLong(args[1]));
    Duration window = Duration.ofSeconds(Long.parseLong(args[2]));
    // Warmup spreads first checks over one delay_loop; the rest lets TCG's slow process start
    // and the JIT settle. The same for both checkers.
    Duration settle = Duration.ofSeconds(Long.parseLong(args[3]));
    run("modprobe", "ip_vs");
    Path dir = Files.createTempDirectory("kj-vs-keepalived");
    Process responder = new ProcessBuilder(JavaCommand.forKernelVm(HttpResponder.class, Integer.toString(n)).argv())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    Responder rsp = new Responder(responder);
    int[] ports = rsp.ports(n);

    Path conf = dir.resolve("keepalived.conf");
    Files.writeString(conf, config(ports, delayLoop), StandardCharsets.US_ASCII);
    Process keepalived = new ProcessBuilder(KEEPALIVED.toString(), "-n", "-l", "-C", "-f", conf.toString(),
        "-p", dir.resolve("keepalived.pid").toString(), "-c", dir.resolve("checkers.pid").toString(),
        "-r", dir.resolve("vrrp.pid").toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("keepalived.log").toFile()).start();
    Path checkersPid = dir.resolve("checkers.pid");
    long giveUp = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (!Files.exists(checkersPid) || Files.readString(checkersPid).isBlank()) {
      if (!keepalived.isAlive() || System.nanoTime() > giveUp) {
        throw new IllegalStateException("keepalived did not start its checker process:\n"
            + Files.readString(dir.resolve("keepalived.log")));
      }
      Thread.sleep(200);
    }
    long checker = Long.parseLong(Files.readString(checkersPid).trim());
    Thread.sleep(settle.toMillis());
    Window theirs = measure(rsp, window, keepalived.pid(), checker);
    keepalived.destroy(); // SIGTERM: keepalived removes its IPVS service and exits
    if (!keepalived.waitFor(60, TimeUnit.SECONDS)) {
      keepalived.destroyForcibly();
    }
    String log = Files.readString(dir.resolve("keepalived.log"));

    Path portsFile = dir.resolve("ports");
    Files.write(portsFile, Arrays.stream(ports).mapToObj(Integer::toString).toList());
    JavaCommand checkerCommand = new JavaCommand(Path.of(System.getProperty("java.home"), "bin", "java"),
        DAEMON_JVM_OPTIONS, ClassPath.ofRunningJvm(), VmChecker.class.getName(),
        List.of(Long.toString(delayLoop.toSeconds()), portsFile.toString()));
    Process ourChecker = new ProcessBuilder(checkerCommand.argv()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    Responder stats = new Responder(ourChecker);
    stats.expect("STARTED");
    Thread.sleep(settle.toMillis());
    long[] s0 = stats.stats();
    Window ours = measure(rsp, window, ourChecker.pid());
    long[] s1 = stats.stats();
    long checks = s1[0] - s0[0];
    String ourAttempts = String.format(Locale.ROOT, "%d attempts, %d failed, mean %.1f ms",
        checks, s1[1] - s0[1], checks > 0 ? (s1[2] - s0[2]) / 1e6 / checks : 0);
    stats.close();
    if (!ourChecker.waitFor(60, TimeUnit.SECONDS)) {
      ourChecker.destroyForcibly();
    }
    rsp.close();
    responder.waitFor(30, TimeUnit.SECONDS);

    System.out.printf(Locale.ROOT, "  %s; CPU of its checker process (pid %d) and parent; %d log lines, %d of them errors%n",
        version(), checker, log.lines().count(), log.lines().filter(l -> l.toLowerCase(Locale.ROOT).contains("error")).count());
    theirs.print("keepalived -C", n, delayLoop);
    ours.print("Keepalived/J", n, delayLoop);
    System.out.printf(Locale.ROOT, "  Keepalived/J: its own JVM with bin/keepalivedj's options %s%n", String.join(" ", DAEMON_JVM_OPTIONS));
    System.out.printf(Locale.ROOT, "  Keepalived/J's window: %s; responder CPU %.2f %% (keepalived's window) and %.2f %% (ours)%n",
        ourAttempts, theirs.responderCpuPct(), ours.responderCpuPct());
    System.out.printf(Locale.ROOT, "  ratio ours/keepalived: CPU %.2f, checks/s %.2f, CPU per check %.2f%n",
        ours.cpuPct() / theirs.cpuPct(), ours.checksPerSecond() / theirs.checksPerSecond(),
        ours.cpuPerCheckMicros() / theirs.cpuPerCheckMicros());
  }

  /** keepalived.conf(5): one IPVS service whose real servers are the responder's ports. */
  static String config(int[] ports, Duration delayLoop) {
    StringBuilder sb = new StringBuilder(64 + ports.length * 160);
    sb.append("global_defs {\n    router_id kj_vs_keepalived\n}\n");
    // 192.0.2.0/24 (TEST-NET-1): a lab address, only ever in the guest's IPVS table.
    sb.append("virtual_server 192.0.2.10 80 {\n")
        .append("    delay_loop ").append(delayLoop.toSeconds()).append('\n')
        .append("    lb_algo rr\n    lb_kind NAT\n    protocol TCP\n");
    for (int port : ports) {
      sb.append("    real_server 127.0.0.1 ").append(port).append(" {\n")
          .append("        HTTP_GET {\n            url {\n                path /\n                status_code 200\n            }\n")
          .append("            connect_timeout 5\n        }\n    }\n");
    }
    return sb.append("}\n").toString();
  }

  /** TCP counters that explain slow checks: SYNs retransmitted or dropped, listeners overflowing. */
  private static String tcpCounters() throws Exception {
    Process p = new ProcessBuilder("nstat", "-az", "TcpActiveOpens", "TcpExtTCPSynRetrans", "TcpExtListenOverflows",
        "TcpExtListenDrops", "TcpOutRsts", "TcpExtTCPTimeWaitOverflow", "TcpExtTW", "TcpRetransSegs", "TcpExtTCPTimeouts",
        "TcpExtTCPDelayedACKs").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    StringBuilder sb = new StringBuilder();
    for (String line : out.lines().toList()) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 2 && !f[0].startsWith("#")) {
        sb.append(f[0]).append('=').append(f[1]).append(' ');
      }
    }
    return sb.toString().trim();
  }

  private static Window measure(Responder rsp, Duration window, long... pids) throws Exception {
    if (Boolean.getBoolean(COUNTERS_PROPERTY)) {
      System.out.println("  counters before: " + tcpCounters());
    }
    long responderCpu0 = cpuNanos(rsp.pid);
    long cpu0 = 0;
    for (long pid : pids) {
      cpu0 += cpuNanos(pid);
    }
    long count0 = rsp.count();
    long t0 = System.nanoTime();
    Thread.sleep(window.toMillis());
    long count1 = rsp.count();
    long t1 = System.nanoTime();
    long cpu1 = 0;
    for (long pid : pids) {
      cpu1 += cpuNanos(pid);
    }
    long responderCpu1 = cpuNanos(rsp.pid);
    if (Boolean.getBoolean(COUNTERS_PROPERTY)) {
      System.out.println("  counters after:  " + tcpCounters());
    }
    return new Window(100.0 * (cpu1 - cpu0) / (t1 - t0), (count1 - count0) / ((t1 - t0) / 1e9),
        100.0 * (responderCpu1 - responderCpu0) / (t1 - t0));
  }

  /** utime + stime of a process from /proc/PID/stat (fields 14 and 15, after the command in parentheses). */
  static long cpuNanos(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // f[0] is field 3 (state), so utime (14) is f[11] and stime (15) is f[12].
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_NANOS;
  }

  private static String version() throws Exception {
    Process p = new ProcessBuilder(KEEPALIVED.toString(), "-v").redirectErrorStream(true).start();
    String first = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("?");
    p.waitFor();
    return first;
  }

  private static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
    }
  }

  /** One checker's window. */
  private record Window(double cpuPct, double checksPerSecond, double responderCpuPct) {
    double cpuPerCheckMicros() {
      return checksPerSecond > 0 ? cpuPct / 100.0 * 1e6 / checksPerSecond : 0;
    }

    void print(String who, int n, Duration delayLoop) {
      System.out.printf(Locale.ROOT, "  %-14s CPU %6.2f %% of the vCPU   checks/s %7.1f (N/delay_loop %.0f)   %.0f us CPU per check%n",
          who, cpuPct, checksPerSecond, n / (double) delayLoop.toSeconds(), cpuPerCheckMicros());
    }
  }

  /** The command channel of the {@link HttpResponder} process (or of {@link VmChecker}). */
  private static final class Responder implements AutoCloseable {
    private final BufferedReader from;
    private final Writer to;
    final long pid;

    Responder(Process p) {
      pid = p.pid();
      from = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
      to = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.US_ASCII);
    }

    int[] ports(int n) throws IOException {
      List<Integer> ports = new ArrayList<>(n);
      String line;
      while ((line = from.readLine()) != null && !line.equals("READY")) {
        ports.add(Integer.parseInt(line.substring("PORT ".length())));
      }
      if (ports.size() != n) {
        throw new IllegalStateException("responder gave " + ports.size() + " of " + n + " ports");
      }
      return ports.stream().mapToInt(Integer::intValue).toArray();
    }

    void expect(String word) throws IOException {
      String line = from.readLine();
      if (!word.equals(line)) {
        throw new IllegalStateException("expected " + word + ", got " + line);
      }
    }

    /** {@link VmChecker}'s attempts so far: completed, failed, summed latency in ns. */
    long[] stats() throws IOException {
      to.write("stats\n");
      to.flush();
      String line = from.readLine();
      if (line == null || !line.startsWith("STATS ")) {
        throw new IllegalStateException("checker answered " + line);
      }
      String[] f = line.substring("STATS ".length()).split(" ");
      return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2])};
    }

    long count() throws IOException {
      to.write("count\n");
      to.flush();
      String line = from.readLine();
      if (line == null || !line.startsWith("COUNT ")) {
        throw new IllegalStateException("responder answered " + line);
      }
      return Long.parseLong(line.substring("COUNT ".length()));
    }

    @Override
    public void close() throws IOException {
      to.close();
    }
  }
}
