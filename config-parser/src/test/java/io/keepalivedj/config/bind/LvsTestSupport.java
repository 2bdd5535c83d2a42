package io.keepalivedj.config.bind;

import static org.assertj.core.api.Assertions.assertThat;

import io.keepalivedj.config.Diagnostic;
import io.keepalivedj.config.DiagnosticCollector;
import io.keepalivedj.config.ParseOptions;
import io.keepalivedj.config.Severity;
import io.keepalivedj.config.lex.ConfigReader;
import io.keepalivedj.config.model.GlobalDefs;
import io.keepalivedj.config.model.LvsConfig;
import io.keepalivedj.config.model.RealServer;
import io.keepalivedj.config.model.VirtualServer;
import io.keepalivedj.config.model.VrrpConfig;
import io.keepalivedj.config.tree.ConfigTree;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads configuration text with the real reader and binds it with {@link LvsBinder} alone, so
 * LVS tests see only LVS diagnostics. Every text is named {@code t.conf}.
 */
final class LvsTestSupport {
  static final ParseOptions OPTIONS = new ParseOptions("test", name -> java.util.Optional.empty(),
      java.util.Optional.empty(), 1L, false);

  private LvsTestSupport() {}

  /** The bound LVS side and every diagnostic (reader's and binder's). */
  record Bound(LvsConfig lvs, List<Diagnostic> diagnostics) {
    List<Diagnostic> errors() {
      return diagnostics.stream().filter(d -> d.severity().failsConfigTest()).collect(Collectors.toList());
    }

    List<Diagnostic> warnings() {
      return diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).collect(Collectors.toList());
    }

    VirtualServer vs() {
      assertThat(lvs.virtualServers()).hasSize(1);
      return lvs.virtualServers().get(0);
    }

    RealServer rs() {
      assertThat(vs().realServers()).hasSize(1);
      return vs().realServers().get(0);
    }

    /** Asserts that the only diagnostic is one error at {@code line:column} whose message contains {@code text}. */
    Bound onlyError(int line, int column, String text) {
      assertThat(diagnostics).as("diagnostics").hasSize(1);
      return hasError(line, column, text);
    }

    /** Asserts that one of the errors is at {@code line:column} with a message containing {@code text}. */
    Bound hasError(int line, int column, String text) {
      assertThat(errors()).as("errors").anySatisfy(d -> {
        assertThat(d.position().file()).isEqualTo("t.conf");
        assertThat(d.position().line()).as("line of " + d).isEqualTo(line);
        assertThat(d.position().column()).as("column of " + d).isEqualTo(column);
        assertThat(d.message()).contains(text);
      });
      return this;
    }

    Bound clean() {
      assertThat(diagnostics).as("diagnostics").isEmpty();
      return this;
    }
  }

  static Bound bind(String text) {
    return bind(text, OPTIONS, VrrpConfig.empty());
  }

  static Bound bind(String text, ParseOptions options, VrrpConfig vrrp) {
    DiagnosticCollector diagnostics = new DiagnosticCollector();
    ConfigTree tree = ConfigReader.readString(text, "t.conf", Path.of("/nonexistent-base"), options, diagnostics);
    LvsConfig lvs = LvsBinder.bind(tree.roots(), GlobalDefs.defaults(), vrrp, new BindContext(diagnostics, options));
    return new Bound(lvs, diagnostics.diagnostics());
  }

  /**
   * A complete, error-free virtual server around {@code rsBody}: lines 1-4 are the virtual
   * server's, line 5 opens the real server, {@code rsBody} starts on line 6.
   */
  static String withRealServer(String rsBody) {
    return "virtual_server 192.0.2.1 80 {\n"
        + "  lvs_sched rr\n"
        + "  lvs_method DR\n"
        + "  protocol TCP\n"
        + "  real_server 192.0.2.5 80 {\n"
        + rsBody
        + "\n  }\n}\n";
  }

  /**
   * A complete virtual server whose own keywords start with {@code vsBody} on line 2, before a
   * plain real server.
   */
  static String withVirtualServerLines(String vsBody) {
    return "virtual_server 192.0.2.1 80 {\n"
        + vsBody
        + "\n  real_server 192.0.2.5 80 {\n  }\n}\n";
  }

  static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
