package io.keepalivedj.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.keepalivedj.config.model.IpPrefix;
import io.keepalivedj.config.model.KeywordEnum;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigJsonTest {
  enum Kind implements KeywordEnum {
    DIRECT_ROUTING("DR");

    private final String keyword;

    Kind(String keyword) {
      this.keyword = keyword;
    }

    @Override
    public String keyword() {
      return keyword;
    }
  }

  record Inner(IpPrefix vip, Kind lbKind) {}

  record Sample(String name, int virtualRouterId, Duration advertInt, Optional<String> authPass,
      InetAddress peer, List<Inner> items, SourcePosition position) {}

  @Test
  void writesRecordsWithSnakeCaseKeysInDeclarationOrderAndSkipsPositions() throws Exception {
    Sample s = new Sample("VI \"1\"", 200, Duration.ofMillis(100), Optional.empty(),
        InetAddress.getByName("192.0.2.5"),
        List.of(new Inner(new IpPrefix(InetAddress.getByName("192.0.2.1"), 24), Kind.DIRECT_ROUTING)),
        SourcePosition.of("f", 1, 1));

    assertThat(ConfigJson.write(s)).isEqualTo("""
        {
          "name": "VI \\"1\\"",
          "virtual_router_id": 200,
          "advert_int": 0.1,
          "auth_pass": null,
          "peer": "192.0.2.5",
          "items": [
            {
              "vip": "192.0.2.1/24",
              "lb_kind": "DR"
            }
          ]
        }
        """);
  }

  @Test
  void wholeSecondsPrintWithoutFraction() {
    assertThat(ConfigJson.write(Duration.ofSeconds(5))).isEqualTo("5\n");
    assertThat(ConfigJson.write(List.of())).isEqualTo("[]\n");
  }

  @Test
  void snakeCaseFollowsKeepalivedSpelling() {
    assertThat(ConfigJson.snakeCase("garpMasterDelay")).isEqualTo("garp_master_delay");
    assertThat(ConfigJson.snakeCase("advertInt")).isEqualTo("advert_int");
  }
}
