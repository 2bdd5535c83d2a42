package io.keepalivedj.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.keepalivedj.config.model.AuthType;
import io.keepalivedj.config.model.Authentication;
import io.keepalivedj.config.model.CheckerCommon;
import io.keepalivedj.config.model.HttpGetChecker;
import io.keepalivedj.config.model.IpPrefix;
import io.keepalivedj.config.model.LvsMethod;
import io.keepalivedj.config.model.LvsProtocol;
import io.keepalivedj.config.model.LvsScheduler;
import io.keepalivedj.config.model.RealServer;
import io.keepalivedj.config.model.UrlConfig;
import io.keepalivedj.config.model.VirtualIpAddress;
import io.keepalivedj.config.model.VirtualServer;
import io.keepalivedj.config.model.VrrpInstance;
import io.keepalivedj.config.model.VrrpState;
import java.net.InetAddress;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The seed configuration end to end: parsed from its file it is clean, and it is exactly the model
 * an embedder builds in code from what the file says (every other field at keepalived's default),
 * compared through the JSON dump, which is what {@code --dump-config} prints.
 */
class SeedConfigTest {

  private static Path seed() throws URISyntaxException {
    return Path.of(SeedConfigTest.class.getResource("/seed/keepalived.conf").toURI());
  }

  static KeepalivedConfig builtInCode() throws Exception {
    InetAddress vip = InetAddress.getByName("10.0.0.1");
    return KeepalivedConfig.builder()
        .vrrpInstance(VrrpInstance.builder("VI")
            .state(VrrpState.BACKUP)
            .interfaceName("eth1")
            .garpMasterDelay(Duration.ofSeconds(5))
            .virtualRouterId(200)
            .priority(101)
            .nopreempt(true)
            .advertInt(Duration.ofSeconds(1))
            .authentication(new Authentication(AuthType.PASS, "XXXXXX"))
            .virtualIpaddress(VirtualIpAddress.of(new IpPrefix(vip, 24)).withDev("eth1"))
            .build())
        .virtualServer(VirtualServer.builder(vip, 80)
            .delayLoop(Duration.ofSeconds(10))
            .lvsSched(LvsScheduler.RR)
            .lvsMethod(LvsMethod.DR)
            .protocol(LvsProtocol.TCP)
            .realServer(realServer("10.0.0.5"))
            .realServer(realServer("10.0.0.6"))
            .build())
        .build();
  }

  private static RealServer realServer(String ip) throws Exception {
    return RealServer.builder(InetAddress.getByName(ip), 80)
        .weight(1)
        .checker(HttpGetChecker.builder()
            .common(CheckerCommon.builder().connectTimeout(Duration.ofSeconds(5)).build())
            .url(UrlConfig.builder("/").statusCode(200).build())
            .build())
        .build();
  }

  @Test
  void seedParsesCleanAndEqualsTheModelBuiltInCode() throws Exception {
    ParseResult parsed = ConfigParser.check(seed(), ParseOptions.defaults().withConfigId("lb1"));

    assertThat(parsed.diagnostics()).isEmpty();
    assertThat(ConfigJson.write(parsed.config())).isEqualTo(ConfigJson.write(builtInCode()));
  }

  @Test
  void seedDumpShowsTheInstanceAndVirtualServerAsWritten() throws Exception {
    String json = ConfigJson.write(ConfigParser.parse(seed()));

    assertThat(json)
        .contains("\"name\": \"VI\"", "\"state\": \"BACKUP\"", "\"interface_name\": \"eth1\"",
            "\"virtual_router_id\": 200", "\"priority\": 101", "\"advert_int\": 1", "\"nopreempt\": true",
            "\"garp_master_delay\": 5", "\"auth_type\": \"PASS\"", "\"auth_pass\": \"XXXXXX\"",
            "\"address\": \"10.0.0.1/24\"", "\"dev\": \"eth1\"")
        .contains("\"type\": \"address\"", "\"ip\": \"10.0.0.1\"", "\"port\": 80", "\"delay_loop\": 10",
            "\"lvs_sched\": \"rr\"", "\"lvs_method\": \"DR\"", "\"protocol\": \"TCP\"",
            "\"ip\": \"10.0.0.5\"", "\"ip\": \"10.0.0.6\"", "\"weight\": 1", "\"type\": \"HTTP_GET\"",
            "\"path\": \"/\"", "\"connect_timeout\": 5");
  }
}
