package io.keepalivedj.bench.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code bin/bench config}: the parser against its anchor, {@code keepalived -t} on the same
 * generated file, measured in the same run. Three figures: keepalived -t (a whole process),
 * {@code bin/keepalivedj -t} (a whole process, JVM start included) and the parse alone in a warm JVM
 * (JMH, what an embedder or a reload pays).
 */
public final class ConfigBench {
  private static final int RUNS = 5;

  private ConfigBench() {}

  public static void main(String[] args) throws IOException, InterruptedException, RunnerException {
    Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath();
    int virtualServers = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    Path file = Files.createTempFile("kj-bench-config-", ".conf");
    try {
      long lines = GeneratedConfig.write(file, virtualServers, 2);
      System.out.printf(Locale.ROOT, "config: %,d lines, %,d virtual servers x 2 real servers with HTTP_GET%n",
          lines, virtualServers);

      Stats keepalived = time(List.of("/usr/sbin/keepalived", "-t", "-f", file.toString()));
      Stats ours = time(List.of(root.resolve("bin/keepalivedj").toString(), "-t", "-f", file.toString()));

      // The JVM's default collector (G1) is what an embedder gets; the throughput collector is
      // the usual choice for batch work. Both are printed.
      double warmMs = warmParse(virtualServers, "-XX:+UseG1GC");
      double warmParallelMs = warmParse(virtualServers, "-XX:+UseParallelGC");

      System.out.println();
      System.out.printf(Locale.ROOT, "%-46s %10s %10s %10s%n", "what (same file, same run)", "min ms", "median ms", "max ms");
      keepalived.print("keepalived -t (anchor, Debian 2.2.7)");
      ours.print("bin/keepalivedj -t (JVM start included)");
      System.out.printf(Locale.ROOT, "%-46s %10s %10.1f %10s%n", "ConfigParser.check, warm JVM, G1 (JMH)", "", warmMs, "");
      System.out.printf(Locale.ROOT, "%-46s %10s %10.1f %10s%n", "ConfigParser.check, warm JVM, ParallelGC (JMH)", "",
          warmParallelMs, "");
      System.out.println();
      System.out.printf(Locale.ROOT, "ratio keepalivedj -t / keepalived -t     : %.2f (below 1 is faster)%n",
          ours.median / keepalived.median);
      System.out.printf(Locale.ROOT, "ratio warm parse G1  / keepalived -t     : %.2f%n", warmMs / keepalived.median);
      System.out.printf(Locale.ROOT, "ratio warm parse Par / keepalived -t     : %.2f%n", warmParallelMs / keepalived.median);
      System.out.printf(Locale.ROOT, "per line: keepalived %.2f us, warm parse %.2f us%n",
          keepalived.median * 1000 / lines, warmMs * 1000 / lines);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** Mean single-shot time of a warm parse in a forked JVM with {@code gc}, in milliseconds. */
  private static double warmParse(int virtualServers, String gc) throws RunnerException {
    Options opts = new OptionsBuilder()
        .include(ConfigParseBenchmark.class.getSimpleName())
        .param("virtualServers", Integer.toString(virtualServers))
        .forks(1).warmupIterations(8).measurementIterations(2 * RUNS)
        .warmupTime(TimeValue.NONE).measurementTime(TimeValue.NONE)
        .jvmArgs("-Xmx2g", gc)
        .build();
    RunResult jmh = new Runner(opts).runSingle();
    return jmh.getPrimaryResult().getScore();
  }

  private static Stats time(List<String> command) throws IOException, InterruptedException {
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      Process p = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IOException("timed out: " + command);
      }
      ms.add((System.nanoTime() - start) / 1e6);
      if (p.exitValue() != 0) {
        throw new IOException(String.join(" ", command) + " exited " + p.exitValue());
      }
    }
    Collections.sort(ms);
    return new Stats(ms.get(0), ms.get(ms.size() / 2), ms.get(ms.size() - 1));
  }

  private record Stats(double min, double median, double max) {
    void print(String label) {
      System.out.printf(Locale.ROOT, "%-46s %10.1f %10.1f %10.1f%n", label, min, median, max);
    }
  }
}
