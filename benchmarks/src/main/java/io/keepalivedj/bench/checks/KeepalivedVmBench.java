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
 * HTTP_GET targets in one {@link KernelVm} guest, measured from /proc/PID/stat in interleaved
 * windows, printed side by side with their ratio per pair and the median ratio.
 *
 * <p>Why a guest: keepalived's checker registers its virtual_server in IPVS, which this host's
 * kernel lacks (docs: the anchors file). Both checkers see the same responder process, the same
 * targets and the same options (keepalived's defaults but delay_loop). Checks per second come
 * from the responder's count of answered requests, so they are counted the same way for both.
 *
 * <p>Why interleaved: the guest's one vCPU is one thread of a shared, noisy host, so a checker
 * measured alone in one long window and the other in the next one see different host load
 * (keepalived alone gave 549-887 us per check across one day's runs). Both checkers are started
 * together and settle together; then windows alternate, only one checker running in each: the
 * other is stopped with SIGSTOP (keepalived: its checker process and its parent; ours: the whole
 * JVM), so it takes no vCPU from the one measured or from the responder. Each pair of windows is
 * one ratio, the pairs alternate their order (keepalived first, then ours first: A B B A A B ...)
 * so drift within a pair cancels over the run, and the median of the pairs' ratios, with min and
 * max, is the figure. Before a window the checker just resumed with SIGCONT runs a short
 * re-settle that is not counted: every check that fell due while it was stopped starts at once on
 * resume, a burst whose CPU belongs to the stop, not to steady checking.
 *
 * <p>Our checker runs in its own JVM ({@link VmChecker}) with the options {@code bin/keepalivedj}
 * gives the daemon ({@link #DAEMON_JVM_OPTIONS}: tiered C1 + C2), not the guest's C1-only test
 * options. The shared settle is long enough by default (240 s, see {@link #DEFAULT_SETTLE}) for
 * C2 to finish compiling the check path under TCG, as it has in a daemon that has run for
 * minutes; the JIT's CPU in the settle is not counted, for keepalived there is none.
 *
 * <p>Options ({@link ChecksBench#main}): {@code --vm-targets N} (default 1,000), {@code
 * --vm-settle S} (default 240), {@code --vm-pairs P} (default 6), {@code --vm-window S} (default
 * 20), {@code --vm-resettle S} (default 15). TCG runs CPU-bound code ~20x slower than the host:
 * absolute figures only mean something beside each other, as the ratio.
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
  /**
   * Default shared settle before the first window: C2 needs about 120 s of the vCPU under TCG to
   * compile our check path when it runs alone; settling beside keepalived and the responder it
   * gets a share of it, and after 120 s our first pairs were still slow (2026-11-25: 775 and 709
   * us per check, then 552-619), after 240 s they were not (595, 589, then 508-573).
   */
  static final Duration DEFAULT_SETTLE = Duration.ofSeconds(240);
  /** Default window: 20 s at ~800 checks/s is ~16,000 checks and ~15 s of CPU ticks (10 ms each) per window. */
  static final Duration DEFAULT_WINDOW = Duration.ofSeconds(20);
  /** Default pairs of windows: six ratios give a median with a min and max around it. */
  static final int DEFAULT_PAIRS = 6;
  /**
   * Default re-settle after SIGCONT: the checks that fell due in the stop start at once, and
   * after they end each is rescheduled one delay_loop later, so the burst echoes for some
   * delay_loops while it spreads out again. 15 s rather than 5: with 5 s our windows right after
   * a resume were the slow ones of a run (734-914 us per check against 617-770 in windows that
   * continued without a stop), which a longer settle may also have explained.
   */
  static final Duration DEFAULT_RESETTLE = Duration.ofSeconds(15);

  private KeepalivedVmBench() {}

  /** How the guest side runs: targets, delay_loop, shared settle, pairs, window, re-settle. */
  record Plan(int targets, Duration delayLoop, Duration settle, int pairs, Duration window, Duration resettle) {
    Plan {
      if (targets < 1 || pairs < 1 || window.isNegative() || window.isZero() || settle.isNegative() || resettle.isNegative()) {
        throw new IllegalArgumentException("bad plan " + targets + " targets, " + pairs + " pairs, window " + window
            + ", settle " + settle + ", re-settle " + resettle);
      }
    }

    List<String> args() {
      return List.of(Integer.toString(targets), Long.toString(delayLoop.toSeconds()), Long.toString(settle.toSeconds()),
          Integer.toString(pairs), Long.toString(window.toSeconds()), Long.toString(resettle.toSeconds()));
    }

    static Plan of(String[] a) {
      return new Plan(Integer.parseInt(a[0]), Duration.ofSeconds(Long.parseLong(a[1])), Duration.ofSeconds(Long.parseLong(a[2])),
          Integer.parseInt(a[3]), Duration.ofSeconds(Long.parseLong(a[4])), Duration.ofSeconds(Long.parseLong(a[5])));
    }

    /** Wall time of the measured part: every window with its re-settle, both checkers, every pair. */
    Duration windows() {
      return window.plus(resettle).multipliedBy(2L * pairs);
    }
  }

  /** Host side: boots the guest, runs {@link #main} there, prints what it printed. */
  static void runOnHost(Plan plan) {
    if (!Files.isExecutable(KEEPALIVED)) {
      throw new IllegalStateException("the anchor needs Debian's keepalived at " + KEEPALIVED + " (apt-get install keepalived)");
    }
    System.out.printf(Locale.ROOT, "%nkeepalived vs ours in a KernelVm guest: %,d HTTP_GET targets, delay_loop %d s, %d s shared settle,"
            + " %d pairs of %d s windows (interleaved, each after a %d s re-settle)%n",
        plan.targets(), plan.delayLoop().toSeconds(), plan.settle().toSeconds(), plan.pairs(), plan.window().toSeconds(),
        plan.resettle().toSeconds());
    // Boot, three guest JVMs, keepalived, the settle and the windows, under TCG.
    Duration budget = plan.settle().plus(plan.windows()).plusMinutes(8);
    try (KernelVm vm = KernelVm.create(KernelVm.Options.defaults().withTimeout(budget))) {
      List<String> argv = new ArrayList<>(JavaCommand.forKernelVm(KeepalivedVmBench.class,
          plan.args().toArray(String[]::new)).argv());
      argv.add(1, "-D" + COUNTERS_PROPERTY + "=" + Boolean.getBoolean(COUNTERS_PROPERTY));
      ProcessResult r = vm.run(argv);
      System.out.print(r.stdout());
      if (r.exitCode() != 0) {
        System.out.print(r.stderr());
        throw new IllegalStateException("guest side exited " + r.exitCode());
      }
    }
  }

  /** Guest side: {@code KeepalivedVmBench N DELAY_LOOP_S SETTLE_S PAIRS WINDOW_S RESETTLE_S}; root in the guest. */
  public static void main(String[] args) throws Exception {
    Plan plan = Plan.of(args);
    int n = plan.targets();
    Duration delayLoop = plan.delayLoop();
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

    Path portsFile = dir.resolve("ports");
    Files.write(portsFile, Arrays.stream(ports).mapToObj(Integer::toString).toList());
    JavaCommand checkerCommand = new JavaCommand(Path.of(System.getProperty("java.home"), "bin", "java"),
        DAEMON_JVM_OPTIONS, ClassPath.ofRunningJvm(), VmChecker.class.getName(),
        List.of(Long.toString(delayLoop.toSeconds()), portsFile.toString()));
    Process ourChecker = new ProcessBuilder(checkerCommand.argv()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    Responder stats = new Responder(ourChecker);
    stats.expect("STARTED");

    // keepalived's parent is stopped with its checker process: it would otherwise run alone in
    // our windows (little CPU, but counted in keepalived's windows and not in ours).
    Side theirs = new Side(keepalived.pid(), checker);
    Side ours = new Side(ourChecker.pid());
    Thread.sleep(plan.settle().toMillis());
    System.out.printf(Locale.ROOT, "  %s; CPU of its checker process (pid %d) and parent (pid %d)%n", version(), checker, keepalived.pid());
    System.out.printf(Locale.ROOT, "  Keepalived/J: its own JVM (pid %d) with bin/keepalivedj's options %s%n",
        ourChecker.pid(), String.join(" ", DAEMON_JVM_OPTIONS));
    List<Window> theirWindows = new ArrayList<>();
    List<Window> ourWindows = new ArrayList<>();
    long ourChecks = 0;
    long ourFailed = 0;
    long ourLatencyNanos = 0;
    Side running = null; // both run through the settle; the first window stops the other
    List<Double> ratios = new ArrayList<>();
    try {
      for (int pair = 0; pair < plan.pairs(); pair++) {
        // Even pairs keepalived first, odd pairs ours first: A B B A A B ...
        Side[] order = pair % 2 == 0 ? new Side[] {theirs, ours} : new Side[] {ours, theirs};
        Window[] w = new Window[2];
        for (int i = 0; i < 2; i++) {
          Side side = order[i];
          Side other = side == theirs ? ours : theirs;
          if (running != side) {
            other.stop();
            side.resume();
            running = side;
            Thread.sleep(plan.resettle().toMillis());
          }
          long[] s0 = side == ours ? stats.stats() : null;
          w[i] = measure(rsp, plan.window(), side.pids);
          if (side == ours) {
            long[] s1 = stats.stats();
            ourChecks += s1[0] - s0[0];
            ourFailed += s1[1] - s0[1];
            ourLatencyNanos += s1[2] - s0[2];
          }
        }
        Window k = order[0] == theirs ? w[0] : w[1];
        Window j = order[0] == ours ? w[0] : w[1];
        theirWindows.add(k);
        ourWindows.add(j);
        double ratio = j.cpuPerCheckMicros() / k.cpuPerCheckMicros();
        ratios.add(ratio);
        System.out.printf(Locale.ROOT, "  pair %d (%s first): keepalived %4.0f us/check (%5.2f %%, %6.1f checks/s)"
                + "   ours %4.0f us/check (%5.2f %%, %6.1f checks/s)   ratio %.2f%n",
            pair + 1, order[0] == theirs ? "keepalived" : "ours", k.cpuPerCheckMicros(), k.cpuPct(), k.checksPerSecond(),
            j.cpuPerCheckMicros(), j.cpuPct(), j.checksPerSecond(), ratio);
      }
    } finally {
      // A stopped process keeps a SIGTERM pending and would never exit: resume both first.
      theirs.resume();
      ours.resume();
    }
    stats.close();
    if (!ourChecker.waitFor(60, TimeUnit.SECONDS)) {
      ourChecker.destroyForcibly();
    }
    keepalived.destroy(); // SIGTERM: keepalived removes its IPVS service and exits
    if (!keepalived.waitFor(60, TimeUnit.SECONDS)) {
      keepalived.destroyForcibly();
    }
    String log = Files.readString(dir.resolve("keepalived.log"));
    rsp.close();
    responder.waitFor(30, TimeUnit.SECONDS);

    Window k = Window.sum(theirWindows);
    Window j = Window.sum(ourWindows);
    System.out.println("  all windows together:");
    k.print("keepalived -C", n, delayLoop);
    j.print("Keepalived/J", n, delayLoop);
    System.out.printf(Locale.ROOT, "  keepalived: %d log lines, %d of them errors; Keepalived/J's windows: %d attempts, %d failed, mean %.1f ms%n",
        log.lines().count(), log.lines().filter(l -> l.toLowerCase(Locale.ROOT).contains("error")).count(),
        ourChecks, ourFailed, ourChecks > 0 ? ourLatencyNanos / 1e6 / ourChecks : 0);
    System.out.printf(Locale.ROOT, "  responder CPU %.2f %% (keepalived's windows) and %.2f %% (ours)%n",
        k.responderCpuPct(), j.responderCpuPct());
    List<Double> sorted = ratios.stream().sorted().toList();
    int m = sorted.size();
    double median = m % 2 == 1 ? sorted.get(m / 2) : (sorted.get(m / 2 - 1) + sorted.get(m / 2)) / 2;
    System.out.printf(Locale.ROOT, "  ratio ours/keepalived, CPU per check: median %.2f of %d pairs (min %.2f, max %.2f);"
            + " all windows together %.2f (CPU %.2f, checks/s %.2f)%n",
        median, m, sorted.get(0), sorted.get(m - 1), j.cpuPerCheckMicros() / k.cpuPerCheckMicros(),
        j.cpuPct() / k.cpuPct(), j.checksPerSecond() / k.checksPerSecond());
  }

  /** One checker's processes, stopped and resumed together. */
  private static final class Side {
    private final long[] pids;

    Side(long... pids) {
      this.pids = pids.clone();
    }

    void stop() throws Exception {
      signal("STOP");
    }

    void resume() throws Exception {
      signal("CONT");
    }

    private void signal(String signal) throws Exception {
      List<String> command = new ArrayList<>(List.of("kill", "-s", signal));
      for (long pid : pids) {
        command.add(Long.toString(pid));
      }
      run(command.toArray(String[]::new));
    }
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
    return new Window(cpu1 - cpu0, count1 - count0, t1 - t0, responderCpu1 - responderCpu0);
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

  /** One checker's window, or several summed: its CPU, the checks answered, the wall time, the responder's CPU. */
  private record Window(long cpuNanos, long checks, long nanos, long responderCpuNanos) {
    static Window sum(List<Window> windows) {
      return new Window(windows.stream().mapToLong(Window::cpuNanos).sum(), windows.stream().mapToLong(Window::checks).sum(),
          windows.stream().mapToLong(Window::nanos).sum(), windows.stream().mapToLong(Window::responderCpuNanos).sum());
    }

    double cpuPct() {
      return 100.0 * cpuNanos / nanos;
    }

    double checksPerSecond() {
      return checks / (nanos / 1e9);
    }

    double responderCpuPct() {
      return 100.0 * responderCpuNanos / nanos;
    }

    double cpuPerCheckMicros() {
      return checks > 0 ? cpuNanos / 1e3 / checks : 0;
    }

    void print(String who, int n, Duration delayLoop) {
      System.out.printf(Locale.ROOT, "  %-14s CPU %6.2f %% of the vCPU   checks/s %7.1f (N/delay_loop %.0f)   %.0f us CPU per check%n",
          who, cpuPct(), checksPerSecond(), n / (double) delayLoop.toSeconds(), cpuPerCheckMicros());
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
