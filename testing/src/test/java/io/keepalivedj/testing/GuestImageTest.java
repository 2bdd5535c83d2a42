package io.keepalivedj.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuestImageTest {

    @Test
    void loadOrderPutsDependenciesFirstAndOnce(@TempDir Path dir) throws Exception {
        // the real lines of Debian's 6.1 modules.dep for these modules
        Files.writeString(dir.resolve("modules.dep"), """
                kernel/fs/overlayfs/overlay.ko:
                kernel/fs/9p/9p.ko: kernel/net/9p/9pnet.ko kernel/fs/fscache/fscache.ko kernel/fs/netfs/netfs.ko
                kernel/net/9p/9pnet_virtio.ko: kernel/net/9p/9pnet.ko kernel/drivers/virtio/virtio_ring.ko kernel/drivers/virtio/virtio.ko
                kernel/drivers/virtio/virtio_pci.ko: kernel/drivers/virtio/virtio_pci_legacy_dev.ko kernel/drivers/virtio/virtio_pci_modern_dev.ko kernel/drivers/virtio/virtio_ring.ko kernel/drivers/virtio/virtio.ko
                """);
        List<String> order = GuestImage.loadOrder(dir, GuestImage.MODULES).stream()
                .map(p -> dir.relativize(p).toString()).toList();
        assertThat(order).containsExactly(
                "kernel/drivers/virtio/virtio.ko", "kernel/drivers/virtio/virtio_ring.ko",
                "kernel/drivers/virtio/virtio_pci_modern_dev.ko", "kernel/drivers/virtio/virtio_pci_legacy_dev.ko",
                "kernel/drivers/virtio/virtio_pci.ko", "kernel/net/9p/9pnet.ko", "kernel/net/9p/9pnet_virtio.ko",
                "kernel/fs/netfs/netfs.ko", "kernel/fs/fscache/fscache.ko", "kernel/fs/9p/9p.ko",
                "kernel/fs/overlayfs/overlay.ko");
        assertThatThrownBy(() -> GuestImage.loadOrder(dir, List.of("ip_vs"))).hasMessageContaining("ip_vs");
        assertThat(GuestImage.moduleName("kernel/x/nf-conntrack.ko.xz")).isEqualTo("nf_conntrack");
    }

    @Test
    void cpioIsNewcWithParentsAndTrailer() {
        byte[] a = new Cpio().file("lib/modules/9p.ko", 0644, "abc".getBytes(StandardCharsets.US_ASCII)).finish();
        String s = new String(a, StandardCharsets.ISO_8859_1);
        assertThat(a.length % 4).isZero();
        assertThat(s).startsWith("070701");
        assertThat(s.indexOf("lib\0")).isLessThan(s.indexOf("lib/modules\0"));
        assertThat(s.indexOf("lib/modules\0")).isLessThan(s.indexOf("lib/modules/9p.ko\0"));
        assertThat(s).contains("TRAILER!!!\0");
        // header of the file: mode 0100644, size 3, namesize 18 ("lib/modules/9p.ko" + NUL)
        int h = s.lastIndexOf("070701", s.indexOf("lib/modules/9p.ko\0"));
        assertThat(s.substring(h + 6 + 8, h + 6 + 16)).isEqualTo(String.format("%08x", 0100644));
        assertThat(s.substring(h + 6 + 6 * 8, h + 6 + 7 * 8)).isEqualTo("00000003");
        assertThat(s.substring(h + 6 + 11 * 8, h + 6 + 12 * 8)).isEqualTo("00000012");
        assertThat(new Cpio().file("x", 0755, new byte[0]).finish()).isEqualTo(new Cpio().file("x", 0755, new byte[0]).finish());
    }

    @Test
    void optionsValidate() {
        KernelVm.Options d = KernelVm.Options.defaults();
        assertThat(d.env().get("PATH")).contains("/usr/sbin");
        assertThatThrownBy(() -> d.withTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withReadWrite(Path.of("/"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withEnv("A-B", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KernelVm.Options(Duration.ofSeconds(1), "2T", 1, List.of(), List.of(), d.env(), d.workDir()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(KernelVm.quote("it's")).isEqualTo("'it'\\''s'");
    }
}
