package io.keepalivedj.bench.checks;

import io.keepalivedj.check.AttemptOutcome;
import io.keepalivedj.check.Cancellable;
import io.keepalivedj.check.CheckEvent;
import io.keepalivedj.check.CheckId;
import io.keepalivedj.check.CheckOptions;
import io.keepalivedj.check.CheckRunner;
import io.keepalivedj.check.CheckScheduler;
import io.keepalivedj.check.CheckSpec;
import io.keepalivedj.check.CheckTarget;
import io.keepalivedj.check.CheckType;
import io.keepalivedj.check.HttpGetCheck;
import io.keepalivedj.check.NetworkCheckRunner;
import io.keepalivedj.check.NioEventLoop;
import io.keepalivedj.check.PreparedCheck;
import io.keepalivedj.check.UrlCheck;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * {@code bin/bench checks}: the checker process's cost and detection latency for N HTTP_GET
 * real servers, at delay_loop 10 then 1, beside the targets (under 10 % of one core and
 * 256 MB of heap at delay_loop 10) and keepalived's detection bound.
 *
 * <p>The real servers are {@link HttpResponder}, a separate JVM started with this class path,
 * so only the checker's CPU is counted here. Every check uses keepalived's defaults except
 * delay_loop: connect_timeout 5 s, retry 1, delay_before_retry 3 s, warmup = delay_loop
 * (keepalived.conf(5)). CPU is this process's (every thread: loop, GC, JIT) over a 60 s window
 * after the schedule has settled; the loop thread's own share is printed beside it.
 *
 * <p>Detection: 1 in 100 responders' listeners are closed; each check's DOWN event is timed
 * from the moment the responder confirms. A closed port refuses at once, so the wait is the
 * rest of the current delay_loop plus delay_before_retry; the bound printed is the worst case
 * keepalived allows, delay_loop + connect_timeout × (retry + 1) + delay_before_retry × retry.
 */
public final class ChecksBench {
  private static final Duration WINDOW = Duration.ofSeconds(60);
  private static final int STOP_ONE_IN = 100;
  private static final double CPU_TARGET_PCT = 10.0;
  private static final double HEAP_TARGET_MB = 256.0;
  private static final Duration P99_SLACK = Duration.ofMillis(50);

  private ChecksBench() {}

  /**
   * {@code ChecksBench [ROOT [TARGETS]] [--delay-loop S]... [--timer-slack-ms MS]
   * [--vs-keepalived-in-vm [--vm-targets N] [--vm-settle S] [--vm-pairs P] [--vm-window S] [--vm-resettle S]]}:
   * the host phases for each {@code --delay-loop} (10 then 1, the settings, when neither
   * option is given), then with {@code --vs-keepalived-in-vm} keepalived's checker and ours side
   * by side in a KernelVm guest ({@link KeepalivedVmBench}; N targets, default 1,000, at
   * delay_loop 1, a scale TCG can carry; by default a 240 s shared settle, then 6 pairs of
   * interleaved 20 s windows, each after a 15 s re-settle). With only {@code --vs-keepalived-in-vm}
   * and no {@code --delay-loop}, only the guest part runs.
   */
  public static void main(String[] args) throws Exception {
    List<String> positional = new ArrayList<>();
    List<Integer> delayLoops = new ArrayList<>();
    boolean vsKeepalived = false;
    int vmTargets = 1_000;
    Duration vmWindow = KeepalivedVmBench.DEFAULT_WINDOW;
    Duration vmSettle = KeepalivedVmBench.DEFAULT_SETTLE;
    int vmPairs = KeepalivedVmBench.DEFAULT_PAIRS;
    Duration vmResettle = KeepalivedVmBench.DEFAULT_RESETTLE;
    Duration timerSlack = NioEventLoop.DEFAULT_TIMER_SLACK;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--delay-loop") && i + 1 < args.length) {
        delayLoops.add(Integer.parseInt(args[++i]));
      } else if (args[i].equals("--vs-keepalived-in-vm")) {
        vsKeepalived = true;
      } else if (args[i].equals("--vm-targets") && i + 1 < args.length) {
        vmTargets = Integer.parseInt(args[++i]);
      } else if (args[i].equals("--timer-slack-ms") && i + 1 < args.length) {
        timerSlack = Duration.ofMillis(Long.parseLong(args[++i]));
      } else if (args[i].equals("--vm-window") && i + 1 < args.length) {
        vmWindow = Duration.ofSeconds(Long.parseLong(args[++i]));
      } else if (args[i].equals("--vm-settle") && i + 1 < args.length) {
        vmSettle = Duration.ofSeconds(Long.parseLong(args[++i]));
      } else if (args[i].equals("--vm-pairs") && i + 1 < args.length) {
        vmPairs = Integer.parseInt(args[++i]);
      } else if (args[i].equals("--vm-resettle") && i + 1 < args.length) {
        vmResettle = Duration.ofSeconds(Long.parseLong(args[++i]));
      } else if (args[i].startsWith("--")) {
        throw new IllegalArgumentException("unknown option " + args[i]);
      } else {
        positional.add(args[i]);
      }
    }
    if (delayLoops.isEmpty() && !vsKeepalived) {
      delayLoops = List.of(10, 1);
    }
    Path root = Path.of(positional.size() > 0 ? positional.get(0) : ".").toAbsolutePath();
    int n = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 10_000;
    if (!delayLoops.isEmpty()) {
      System.out.printf(Locale.ROOT, "checks: %,d HTTP_GET targets on 127.0.0.1, responder in its own JVM; repo %s; %d cpus%n",
          n, root, Runtime.getRuntime().availableProcessors());
    }
    List<Result> results = new ArrayList<>();
    for (int delayLoop : delayLoops) {
      results.add(phase(n, Duration.ofSeconds(delayLoop), timerSlack));
    }
    System.out.println();
    for (Result r : results) {
      r.print(n);
    }
    if (vsKeepalived) {
      KeepalivedVmBench.runOnHost(new KeepalivedVmBench.Plan(vmTargets, Duration.ofSeconds(1), vmSettle, vmPairs, vmWindow, vmResettle));
    }
  }

  /** One delay_loop setting against a fresh responder process. */
  private static Result phase(int n, Duration delayLoop, Duration timerSlack) throws Exception {
    System.out.printf(Locale.ROOT, "%n--- delay_loop %d s, timer slack %d ms: starting responder with %,d ports%n",
        delayLoop.toSeconds(), timerSlack.toMillis(), n);
    Process responder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", System.getProperty("java.class.path"), HttpResponder.class.getName(), Integer.toString(n))
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    BufferedReader fromResponder = new BufferedReader(
        new InputStreamReader(responder.getInputStream(), StandardCharsets.US_ASCII));
    Writer toResponder = new OutputStreamWriter(responder.getOutputStream(), StandardCharsets.US_ASCII);
    int[] ports = new int[n];
    int got = 0;
    String line;
    while ((line = fromResponder.readLine()) != null && !line.equals("READY")) {
      ports[got++] = Integer.parseInt(line.substring("PORT ".length()));
    }
    if (got != n) {
      throw new IllegalStateException("responder gave " + got + " of " + n + " ports");
    }

    CheckOptions options = CheckOptions.builder(CheckType.HTTP_GET).delayLoop(delayLoop).build();
    Duration bound = delayLoop.plus(options.connectTimeout().multipliedBy(options.retry() + 1L))
        .plus(options.delayBeforeRetry().multipliedBy(options.retry()));
    InetAddress lo = InetAddress.getByName("127.0.0.1");
    Map<CheckId, Long> downAt = new ConcurrentHashMap<>();
    String loopName = "checks-bench-loop-" + delayLoop.toSeconds();
    try (NioEventLoop loop = new NioEventLoop(loopName, timerSlack)) {
      CountingRunner runner = new CountingRunner(new NetworkCheckRunner(loop));
      CheckScheduler scheduler = new CheckScheduler(loop, runner, new SplittableRandom(42));
      scheduler.addListener(e -> {
        if (e instanceof CheckEvent.Down) {
          downAt.put(e.id(), System.nanoTime());
        }
      });
      CheckId[] ids = new CheckId[n];
      for (int i = 0; i < n; i++) {
        ids[i] = scheduler.add(HttpGetCheck.of(CheckTarget.of(lo, ports[i]), UrlCheck.of("/")).withOptions(options));
      }
      // Warmup spreads first attempts over one delay_loop; let the schedule settle past it.
      Duration settle = delayLoop.plusSeconds(5);
      System.out.printf(Locale.ROOT, "settling %d s, then a %d s window%n", settle.toSeconds(), WINDOW.toSeconds());
      Thread.sleep(settle.toMillis());

      com.sun.management.OperatingSystemMXBean os =
          (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long loopTid = loopThreadId(loopName);
      long cpu0 = os.getProcessCpuTime();
      long loopCpu0 = threads.getThreadCpuTime(loopTid);
      long loopUser0 = threads.getThreadUserTime(loopTid);
      long checks0 = runner.completed.sum();
      long failed0 = runner.failed.sum();
      long latency0 = runner.latencyNanos.sum();
      long responderCpu0 = KeepalivedVmBench.cpuNanos(responder.pid());
      long t0 = System.nanoTime();
      Thread.sleep(WINDOW.toMillis());
      long t1 = System.nanoTime();
      long cpu1 = os.getProcessCpuTime();
      long loopCpu1 = threads.getThreadCpuTime(loopTid);
      long loopUser1 = threads.getThreadUserTime(loopTid);
      long checks1 = runner.completed.sum();
      long failed1 = runner.failed.sum();
      long latency1 = runner.latencyNanos.sum();
      long responderCpu1 = KeepalivedVmBench.cpuNanos(responder.pid());
      int falseDowns = downAt.size();

      System.gc();
      System.gc();
      long heapUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();

      // Stop 1 in STOP_ONE_IN responders and time each DOWN.
      List<Integer> slice = new ArrayList<>();
      for (int i = 0; i < n; i += STOP_ONE_IN) {
        slice.add(i);
      }
      StringBuilder cmd = new StringBuilder("close");
      for (int i : slice) {
        cmd.append(' ').append(i);
      }
      toResponder.write(cmd.append('\n').toString());
      toResponder.flush();
      String ack = fromResponder.readLine();
      long stoppedAt = System.nanoTime();
      if (ack == null || !ack.startsWith("CLOSED")) {
        throw new IllegalStateException("responder did not confirm: " + ack);
      }
      Set<CheckId> expected = new HashSet<>();
      for (int i : slice) {
        expected.add(ids[i]);
      }
      long giveUp = stoppedAt + bound.plusSeconds(5).toNanos();
      while (System.nanoTime() < giveUp && !downAt.keySet().containsAll(expected)) {
        Thread.sleep(50);
      }
      long[] latencies = expected.stream().filter(downAt::containsKey)
          .mapToLong(id -> downAt.get(id) - stoppedAt).sorted().toArray();
      long otherDowns = downAt.keySet().stream().filter(id -> !expected.contains(id)).count();
      scheduler.close();

      toResponder.close();
      if (!responder.waitFor(10, TimeUnit.SECONDS)) {
        responder.destroyForcibly();
      }
      double seconds = (t1 - t0) / 1e9;
      return new Result(delayLoop, bound, options,
          100.0 * (cpu1 - cpu0) / (t1 - t0),
          100.0 * (loopCpu1 - loopCpu0) / (t1 - t0),
          100.0 * (loopUser1 - loopUser0) / (t1 - t0),
          heapUsed,
          (checks1 - checks0) / seconds,
          (failed1 - failed0) / seconds,
          checks1 > checks0 ? (latency1 - latency0) / (double) (checks1 - checks0) / 1e6 : 0,
          100.0 * (responderCpu1 - responderCpu0) / (t1 - t0),
          falseDowns,
          otherDowns,
          expected.size(),
          latencies);
    }
  }

  private static long loopThreadId(String name) {
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals(name)) {
        return t.getId();
      }
    }
    throw new IllegalStateException("no thread " + name);
  }

  /** Counts completed attempts on the way back to the scheduler. */
  static final class CountingRunner implements CheckRunner {
    final CheckRunner delegate;
    final LongAdder completed = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder latencyNanos = new LongAdder();

    CountingRunner(CheckRunner delegate) {
      this.delegate = delegate;
    }

    @Override
    public boolean supports(CheckSpec spec) {
      return delegate.supports(spec);
    }

    @Override
    public Cancellable start(CheckSpec spec, Consumer<AttemptOutcome> done) {
      return delegate.start(spec, counting(done));
    }

    /** The delegate's preparation, so the bench measures the path the scheduler really takes. */
    @Override
    public PreparedCheck prepare(CheckSpec spec) {
      PreparedCheck prepared = delegate.prepare(spec);
      return done -> prepared.start(counting(done));
    }

    private Consumer<AttemptOutcome> counting(Consumer<AttemptOutcome> done) {
      return outcome -> {
        completed.increment();
        latencyNanos.add(outcome.latency().toNanos());
        if (outcome instanceof AttemptOutcome.Failure) {
          failed.increment();
        }
        done.accept(outcome);
      };
    }
  }

  private record Result(
      Duration delayLoop,
      Duration bound,
      CheckOptions options,
      double cpuPct,
      double loopCpuPct,
      double loopUserPct,
      long heapUsed,
      double checksPerSecond,
      double failedPerSecond,
      double meanLatencyMs,
      double responderCpuPct,
      int downsBeforeStop,
      long downsOutsideSlice,
      int stopped,
      long[] latencies) {

    void print(int n) {
      double heapMb = heapUsed / (1024.0 * 1024.0);
      double ideal = n / (double) delayLoop.toSeconds();
      System.out.printf(Locale.ROOT, "delay_loop %d s, %,d targets (connect_timeout %d s, retry %d, delay_before_retry %d s)%n",
          delayLoop.toSeconds(), n, options.connectTimeout().toSeconds(), options.retry(),
          options.delayBeforeRetry().toSeconds());
      if (delayLoop.toSeconds() == 10) {
        System.out.printf(Locale.ROOT, "  checker CPU          %7.2f %% of one core   target < %.0f %%      ratio %.2f%n",
            cpuPct, CPU_TARGET_PCT, cpuPct / CPU_TARGET_PCT);
        System.out.printf(Locale.ROOT, "  heap used after GC   %7.1f MB               target < %.0f MB     ratio %.2f%n",
            heapMb, HEAP_TARGET_MB, heapMb / HEAP_TARGET_MB);
      } else {
        System.out.printf(Locale.ROOT, "  checker CPU          %7.2f %% of one core   (no target at delay_loop %d)%n",
            cpuPct, delayLoop.toSeconds());
        System.out.printf(Locale.ROOT, "  heap used after GC   %7.1f MB%n", heapMb);
      }
      System.out.printf(Locale.ROOT, "  loop thread CPU      %7.2f %% of one core   (%.1f us per check)%n",
          loopCpuPct, perCheckMicros(loopCpuPct));
      // On loopback the kernel runs the responder's half of every TCP exchange (SYN-ACK, the
      // response's ACK, the FIN's TIME_WAIT) in the checker's system time: user time is ours alone.
      System.out.printf(Locale.ROOT, "    user / system      %7.2f / %.2f %%       (%.1f / %.1f us per check)%n",
          loopUserPct, loopCpuPct - loopUserPct, perCheckMicros(loopUserPct), perCheckMicros(loopCpuPct - loopUserPct));
      System.out.printf(Locale.ROOT, "  checks/s             %9.1f              N/delay_loop %.1f   ratio %.3f (failed/s %.1f)%n",
          checksPerSecond, ideal, checksPerSecond / ideal, failedPerSecond);
      // keepalived starts a target's next check delay_loop after the last one ended, so N
      // targets cannot exceed N / (delay_loop + mean attempt time) checks per second.
      double reachable = n / (delayLoop.toMillis() / 1e3 + meanLatencyMs / 1e3);
      System.out.printf(Locale.ROOT, "  mean attempt         %9.1f ms           N/(delay_loop + attempt) %.1f   ratio %.3f%n",
          meanLatencyMs, reachable, checksPerSecond / reachable);
      System.out.printf(Locale.ROOT, "  responder CPU        %7.2f %% of one core   (its own JVM; with the checker, of %d cores)%n",
          responderCpuPct, Runtime.getRuntime().availableProcessors());
      System.out.printf(Locale.ROOT, "  false DOWNs          %d before the stop, %d outside the stopped slice%n",
          downsBeforeStop, downsOutsideSlice);
      if (latencies.length == 0) {
        System.out.printf(Locale.ROOT, "  detection            none of %d stopped targets went DOWN within bound + 5 s%n", stopped);
        return;
      }
      double boundMs = bound.toMillis();
      double p50 = percentile(50) / 1e6;
      double p99 = percentile(99) / 1e6;
      double max = latencies[latencies.length - 1] / 1e6;
      System.out.printf(Locale.ROOT, "  detected             %d of %d stopped targets%n", latencies.length, stopped);
      System.out.printf(Locale.ROOT, "  detection p50        %9.0f ms           bound %.0f ms          ratio %.2f%n",
          p50, boundMs, p50 / boundMs);
      System.out.printf(Locale.ROOT, "  detection p99        %9.0f ms           bound + %d ms %.0f ms  ratio %.2f%n",
          p99, P99_SLACK.toMillis(), boundMs + P99_SLACK.toMillis(), p99 / (boundMs + P99_SLACK.toMillis()));
      System.out.printf(Locale.ROOT, "  detection max        %9.0f ms%n", max);
    }

    private double perCheckMicros(double pctOfCore) {
      return checksPerSecond > 0 ? pctOfCore / 100.0 * 1e6 / checksPerSecond : 0;
    }

    /** Nearest-rank percentile of the sorted latencies, in ns. */
    private long percentile(int p) {
      int rank = (int) Math.ceil(p / 100.0 * latencies.length);
      return latencies[Math.max(0, rank - 1)];
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Result r && r.delayLoop.equals(delayLoop) && Arrays.equals(r.latencies, latencies);
    }

    @Override
    public int hashCode() {
      return delayLoop.hashCode() * 31 + Arrays.hashCode(latencies);
    }

    @Override
    public String toString() {
      return "Result[delayLoop=" + delayLoop + ", latencies=" + latencies.length + "]";
    }
  }
}
