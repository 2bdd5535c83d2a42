package io.keepalivedj.config.bind;

import static io.keepalivedj.config.bind.VrrpTestConfigs.errors;
import static io.keepalivedj.config.bind.VrrpTestConfigs.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.keepalivedj.config.ParseResult;
import io.keepalivedj.config.SourcePosition;
import io.keepalivedj.config.model.ParamMatch;
import io.keepalivedj.config.model.TrackFile;
import io.keepalivedj.config.model.TrackProcess;
import io.keepalivedj.config.model.TrackedObject;
import io.keepalivedj.config.model.VrrpInstance;
import io.keepalivedj.config.model.VrrpScript;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrackBinderTest {
  private static SourcePosition at(int line, int col) {
    return new SourcePosition("t.conf", line, col);
  }

  @Test
  void trackersAndWeights() {
    ParseResult r = parse("""
        vrrp_script chk_http {
          script "/usr/bin/curl -s 'http://x/a b'"
          interval 2
          timeout 3
          weight -20 reverse
          rise 2
          fall 3
          init_fail
        }
        vrrp_script chk_plain {
          script /bin/true
        }
        vrrp_track_process nginx {
          process nginx -g daemon
          param_match partial
          weight 10
          quorum 2
          delay 0.5
        }
        track_file tf {
          file /run/prio
          weight -2 reverse
          init_file 5 overwrite
        }
        vrrp_instance VI {
          interface eth1
          virtual_router_id 5
          track_interface {
            eth0 weight 254
            eth1
          }
          track_script {
            chk_http
            chk_plain weight 7 noreverse
          }
          track_process {
            nginx weight -5
          }
          track_file {
            tf
          }
          virtual_ipaddress {
            192.0.2.1/24
          }
        }
        """);
    assertThat(errors(r)).containsExactly("29:17: (VI) weight cannot be +/-254, using +/-253: '254'");
    VrrpScript s = r.config().vrrp().script("chk_http").orElseThrow();
    assertThat(s.script().argv()).containsExactly("/usr/bin/curl", "-s", "http://x/a b");
    assertThat(s.interval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.timeout()).contains(Duration.ofSeconds(3));
    assertThat(s.weight()).isEqualTo(-20);
    assertThat(s.weightReverse()).isTrue();
    assertThat(s.rise()).isEqualTo(2);
    assertThat(s.fall()).isEqualTo(3);
    assertThat(s.initFail()).isTrue();
    VrrpScript plain = r.config().vrrp().script("chk_plain").orElseThrow();
    assertThat(plain.interval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(plain.effectiveTimeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(plain.weight()).isZero();

    assertThat(r.config().vrrp().vrrpTrackProcesses()).containsExactly(new TrackProcess("nginx", "nginx",
        List.of("-g", "daemon"), ParamMatch.PARTIAL, 10, false, 2, java.util.OptionalInt.empty(),
        Duration.ofMillis(500), Duration.ofMillis(500), true, at(13, 1)));
    assertThat(r.config().vrrp().trackFiles()).containsExactly(new TrackFile("tf", "/run/prio", -2, true,
        Optional.of(new TrackFile.InitFile(5, true)), at(20, 1)));

    VrrpInstance vi = r.config().vrrp().instance("VI").orElseThrow();
    assertThat(vi.trackInterface()).containsExactly(new TrackedObject("eth0", 253, false, at(29, 5)),
        new TrackedObject("eth1", 0, false, at(30, 5)));
    assertThat(vi.trackScript()).containsExactly(new TrackedObject("chk_http", -20, true, at(33, 5)),
        new TrackedObject("chk_plain", 7, false, at(34, 5)));
    assertThat(vi.trackProcess()).containsExactly(new TrackedObject("nginx", -5, false, at(37, 5)));
    assertThat(vi.trackFile()).containsExactly(new TrackedObject("tf", -2, true, at(40, 5)));
  }

  @Test
  void scriptWithoutCommandIsDroppedAndZeroIntervalBecomesOne() {
    ParseResult r = parse("vrrp_script a {\n  interval 2\n}\nvrrp_script b {\n  script /bin/true\n  interval 0\n}\n");
    assertThat(errors(r)).containsExactly(
        "1:1: no script set for vrrp_script a, ignored: 'vrrp_script a'",
        "6:12: interval must be greater than 0, using 1: '0'");
    assertThat(r.config().vrrp().vrrpScripts()).extracting(VrrpScript::name).containsExactly("b");
    assertThat(r.config().vrrp().script("b").orElseThrow().interval()).isEqualTo(Duration.ofSeconds(1));
  }
}
