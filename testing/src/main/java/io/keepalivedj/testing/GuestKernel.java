package io.keepalivedj.testing;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Debian kernel (package linux-image-amd64) that {@link KernelVm} can boot: its
 * /boot/vmlinuz-VERSION is readable and /lib/modules/VERSION has the IPVS module, which is why
 * the kernel-vm tier exists (this host's kernel has no IPVS).
 *
 * @param version    the kernel release, e.g. "6.1.0-50-amd64"
 * @param image      /boot/vmlinuz-VERSION (a bzImage)
 * @param modulesDir /lib/modules/VERSION
 */
public record GuestKernel(String version, Path image, Path modulesDir) {

    static final Path BOOT = Path.of("/boot");
    static final Path MODULES = Path.of("/lib/modules");

    public GuestKernel {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(modulesDir, "modulesDir");
        if (version.isBlank() || version.contains("/")) {
            throw new IllegalArgumentException("bad kernel version: " + version);
        }
    }

    /** The newest kernel with a readable image and an ip_vs module, if any. */
    public static Optional<GuestKernel> find(HostProbe host) {
        List<String> versions = host.list(BOOT).stream()
                .filter(n -> n.startsWith("vmlinuz-"))
                .map(n -> n.substring("vmlinuz-".length()))
                .sorted(Comparator.comparing(GuestKernel::versionKey).reversed())
                .toList();
        for (String v : versions) {
            Path image = BOOT.resolve("vmlinuz-" + v);
            Path modules = MODULES.resolve(v);
            boolean hasIpvs = host.list(modules.resolve("kernel/net/netfilter/ipvs")).stream()
                    .anyMatch(n -> n.startsWith("ip_vs.ko"));
            if (host.isReadable(image) && hasIpvs && host.isReadable(modules.resolve("modules.dep"))) {
                return Optional.of(new GuestKernel(v, image, modules));
            }
        }
        return Optional.empty();
    }

    /** Numeric-aware sort key, so 6.1.0-50 sorts after 6.1.0-9 (like sort -V for these names). */
    static String versionKey(String version) {
        StringBuilder sb = new StringBuilder();
        for (String part : version.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)")) {
            if (!part.isEmpty() && Character.isDigit(part.charAt(0))) {
                sb.append(String.format("%010d", Long.parseLong(part.length() > 10 ? part.substring(0, 10) : part)));
            } else {
                sb.append(part);
            }
        }
        return sb.toString();
    }
}
