package io.keepalivedj.bench.config;

import io.keepalivedj.config.ConfigParser;
import io.keepalivedj.config.ParseOptions;
import io.keepalivedj.config.ParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Parse (read, tree, bind) of a generated configuration, in a warm JVM. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ConfigParseBenchmark {
  @Param("10000")
  public int virtualServers;

  @Param("2")
  public int realServersEach;

  private Path file;

  @Setup(Level.Trial)
  public void write() throws IOException {
    file = Files.createTempFile("kj-bench-", ".conf");
    GeneratedConfig.write(file, virtualServers, realServersEach);
  }

  @Benchmark
  public ParseResult parse() {
    ParseResult r = ConfigParser.check(file, ParseOptions.defaults().withConfigId("bench"));
    if (r.hasErrors()) {
      throw new IllegalStateException("generated configuration has errors: " + r.diagnostics().get(0));
    }
    return r;
  }

  @TearDown(Level.Trial)
  public void delete() throws IOException {
    Files.deleteIfExists(file);
  }
}
