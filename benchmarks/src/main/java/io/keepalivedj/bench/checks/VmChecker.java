package io.keepalivedj.bench.checks;

import io.keepalivedj.check.CheckOptions;
import io.keepalivedj.check.CheckScheduler;
import io.keepalivedj.check.CheckTarget;
import io.keepalivedj.check.CheckType;
import io.keepalivedj.check.HttpGetCheck;
import io.keepalivedj.check.NetworkCheckRunner;
import io.keepalivedj.check.NioEventLoop;
import io.keepalivedj.check.UrlCheck;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * Our side of {@link KeepalivedVmBench}, alone in its own JVM, started with the options
 * {@code bin/keepalivedj} runs the daemon with ({@link KeepalivedVmBench#DAEMON_JVM_OPTIONS}),
 * so the process measured is the checker and nothing of the bench.
 *
 * <p>{@code VmChecker DELAY_LOOP_S PORTS_FILE}: HTTP_GET on 127.0.0.1 for each port in the file
 * (one per line), prints {@code STARTED}; on stdin, {@code stats} prints {@code STATS completed
 * failed latencyNanos} (attempts so far); end of stdin exits.
 */
public final class VmChecker {
  private VmChecker() {}

  public static void main(String[] args) throws Exception {
    Duration delayLoop = Duration.ofSeconds(Long.parseLong(args[0]));
    int[] ports = Files.readAllLines(Path.of(args[1])).stream().mapToInt(Integer::parseInt).toArray();
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.US_ASCII);
    CheckOptions options = CheckOptions.builder(CheckType.HTTP_GET).delayLoop(delayLoop).build();
    InetAddress lo = InetAddress.getByName("127.0.0.1");
    try (NioEventLoop loop = new NioEventLoop("checks-vs-keepalived")) {
      ChecksBench.CountingRunner runner = new ChecksBench.CountingRunner(new NetworkCheckRunner(loop));
      CheckScheduler scheduler = new CheckScheduler(loop, runner, new SplittableRandom(42));
      for (int port : ports) {
        scheduler.add(HttpGetCheck.of(CheckTarget.of(lo, port), UrlCheck.of("/")).withOptions(options));
      }
      out.println("STARTED");
      out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
      String line;
      while ((line = in.readLine()) != null) {
        if (line.equals("stats")) {
          out.println("STATS " + runner.completed.sum() + " " + runner.failed.sum() + " " + runner.latencyNanos.sum());
          out.flush();
        }
      }
      scheduler.close();
    }
  }
}
