package io.keepalivedj.config.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressTextTest {
  @ParameterizedTest
  @CsvSource({
      "192.0.2.1, 192.0.2.1",
      "ff02:0:0:0:0:0:0:12, ff02::12",
      "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
      "2001:db8:0:1:0:0:0:1, 2001:db8:0:1::1",
      "0:0:0:0:0:0:0:1, ::1",
      "0:0:0:0:0:0:0:0, ::",
      "2001:db8:1:2:3:4:5:6, 2001:db8:1:2:3:4:5:6",
      "2001:db8:0:1:2:3:4:5, 2001:db8:0:1:2:3:4:5",
      "fe80:0:0:0:0:0:0:0, fe80::"
  })
  void writesRfc5952CanonicalText(String in, String out) throws Exception {
    assertThat(AddressText.of(InetAddress.getByName(in))).isEqualTo(out);
  }
}
