package io.keepalivedj.examples.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.keepalivedj.config.ConfigParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigSummaryTest {
  @Test
  void seedSummaryShowsTheDerivedTimings() throws Exception {
    Path root = Path.of(System.getProperty("keepalivedj.project.root", "..")).toAbsolutePath().normalize();
    String text = Files.readString(root.resolve("lab/seed/keepalived.lab.conf"));

    String summary = ConfigSummary.of(ConfigParser.parse(text));

    assertThat(summary).isEqualTo("""
        vrrp_instance VI: VRRPv2 on eth1, VRID 200, priority 101, starts BACKUP, nopreempt, advert every 1 s, auth PASS
          VIP 192.0.2.1/24 dev eth1
          a backup takes over 3.605 s after the master's last advert (3 x 1 s + skew 0.605 s)
          as master: 5 gratuitous ARP/NA at once, 5 more after 5 s
        virtual_server 192.0.2.1:80 TCP: rr, DR, quorum 1, 2 real server(s)
          real_server 192.0.2.5:80 weight 1
            HTTP_GET / expecting 200 every 10 s, timeout 5 s, retry 1 after 3 s
              DOWN after 2 failed attempt(s): at most 23 s after the server dies
          real_server 192.0.2.6:80 weight 1
            HTTP_GET / expecting 200 every 10 s, timeout 5 s, retry 1 after 3 s
              DOWN after 2 failed attempt(s): at most 23 s after the server dies
        """);
  }

  @Test
  void v3SkewScalesWithTheAdvertInterval() throws Exception {
    String summary = ConfigSummary.of(ConfigParser.parse("""
        vrrp_instance V6 {
          state MASTER
          interface eth1
          virtual_router_id 7
          priority 200
          version 3
          advert_int 0.5
          virtual_ipaddress {
            2001:db8::1/64
          }
        }
        """));

    // RFC 5798 §6.1: Skew_Time = ((256 - 200) * 0.5 s) / 256 = 0.109375 s
    assertThat(summary).contains("a backup takes over 1.609 s after the master's last advert (3 x 0.5 s + skew 0.109 s)");
  }
}
