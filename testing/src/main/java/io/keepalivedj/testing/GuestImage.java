package io.keepalivedj.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What qemu boots, made once per kernel and cached: the initramfs (busybox with the shared
 * libraries it links, the guest scripts, and the virtio-pci/9p/overlay modules in load order from
 * modules.dep) and, when it can be unpacked, the bzImage's inner vmlinux (qemu boots an ELF
 * vmlinux through its PVH entry, skipping ~2 s of real-mode setup and decompression under TCG).
 */
final class GuestImage {

    /** Modules stage 1 needs; their dependencies come from modules.dep. */
    static final List<String> MODULES = List.of("virtio_pci", "9pnet_virtio", "9p", "overlay");
    private static final String RESOURCES = "/io/keepalivedj/testing/kernel-vm/";

    private GuestImage() {
    }

    /** The cached initramfs for {@code kernel}, built if missing. */
    static Path initramfs(GuestKernel kernel, Path busybox, Path cache) {
        try {
            byte[] stage1 = resource("stage1.sh");
            byte[] stage2 = resource("stage2.sh");
            Path dep = kernel.modulesDir().resolve("modules.dep");
            String key = sha256(kernel.version(), Files.getLastModifiedTime(dep).toString(),
                    Files.getLastModifiedTime(busybox).toString(), Long.toString(Files.size(busybox)),
                    String.join(",", MODULES), new String(stage1, StandardCharsets.UTF_8),
                    new String(stage2, StandardCharsets.UTF_8)).substring(0, 16);
            Path target = cache.resolve("initramfs-" + kernel.version() + "-" + key + ".cpio");
            if (Files.exists(target) && Files.size(target) > 0) {
                return target;
            }
            Cpio cpio = new Cpio().dir("proc").dir("sys").dir("dev").dir("ctl").dir("lower").dir("upper").dir("newroot");
            cpio.file("init", 0755, stage1).file("init2", 0755, stage2);
            cpio.file("bin/busybox", 0755, Files.readAllBytes(busybox));
            for (Path lib : sharedLibraries(busybox)) {
                cpio.file(lib.toString(), 0755, Files.readAllBytes(lib.toRealPath()));
            }
            StringBuilder order = new StringBuilder();
            for (Path ko : loadOrder(kernel.modulesDir(), MODULES)) {
                String name = ko.getFileName().toString().replaceFirst("\\.ko(\\..*)?$", ".ko");
                cpio.file("lib/modules/" + name, 0644, moduleBytes(ko));
                order.append(name).append('\n');
            }
            cpio.file("modules", 0644, order.toString().getBytes(StandardCharsets.UTF_8));
            writeAtomically(target, cpio.finish());
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the initramfs for " + kernel.version(), e);
        }
    }

    /** The kernel's vmlinux (ELF), unpacked from the xz-compressed bzImage and cached, if possible. */
    static Optional<Path> vmlinux(GuestKernel kernel, Path cache) {
        try {
            Path target = cache.resolve("vmlinux-" + kernel.version() + "-"
                    + Files.getLastModifiedTime(kernel.image()).toMillis() + "-" + Files.size(kernel.image()));
            if (Files.exists(target) && Files.size(target) > 0) {
                return Optional.of(target);
            }
            if (LocalHostProbe.findExecutable("xz", System.getenv().getOrDefault("PATH", "")).isEmpty()) {
                return Optional.empty();
            }
            byte[] image = Files.readAllBytes(kernel.image());
            byte[] xzMagic = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0};
            for (int off = indexOf(image, xzMagic, 0); off >= 0; off = indexOf(image, xzMagic, off + 1)) {
                Path tail = Files.createTempFile(cache, "payload", ".xz");
                Path out = Files.createTempFile(cache, "vmlinux", ".tmp");
                try {
                    Files.write(tail, java.util.Arrays.copyOfRange(image, off, image.length));
                    // --single-stream: the payload is followed by other bytes of the bzImage
                    ProcessResult r = Commands.run(List.of("sh", "-c", "xz -dc --single-stream < \"$1\" > \"$2\"",
                            "sh", tail.toString(), out.toString()), Duration.ofSeconds(60));
                    byte[] head = new byte[4];
                    try (InputStream in = Files.newInputStream(out)) {
                        int n = in.readNBytes(head, 0, 4);
                        if (r.succeeded() && n == 4 && head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F') {
                            move(out, target);
                            return Optional.of(target);
                        }
                    }
                } finally {
                    Files.deleteIfExists(tail);
                    Files.deleteIfExists(out);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // boot the bzImage instead: slower, same result
        }
    }

    /**
     * Insmod order for {@code wanted}: modules.dep lists each module's dependencies (transitively)
     * such that modprobe loads them from the last to the first, then the module itself.
     */
    static List<Path> loadOrder(Path modulesDir, List<String> wanted) throws IOException {
        Map<String, List<String>> deps = new LinkedHashMap<>();
        for (String line : Files.readAllLines(modulesDir.resolve("modules.dep"))) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                String rest = line.substring(colon + 1).trim();
                deps.put(line.substring(0, colon), rest.isEmpty() ? List.of() : List.of(rest.split("\\s+")));
            }
        }
        Set<String> order = new LinkedHashSet<>();
        for (String w : wanted) {
            String path = deps.keySet().stream().filter(p -> moduleName(p).equals(w.replace('-', '_'))).findFirst()
                    .orElseThrow(() -> new IOException("module " + w + " not in " + modulesDir.resolve("modules.dep")));
            List<String> d = new ArrayList<>(deps.get(path));
            java.util.Collections.reverse(d);
            order.addAll(d);
            order.add(path);
        }
        List<Path> paths = new ArrayList<>();
        order.forEach(p -> paths.add(modulesDir.resolve(p)));
        return paths;
    }

    /** "kernel/fs/9p/9p.ko.xz" -> "9p"; dashes read as underscores, as modprobe does. */
    static String moduleName(String path) {
        String base = path.substring(path.lastIndexOf('/') + 1);
        return base.replaceFirst("\\.ko(\\..*)?$", "").replace('-', '_');
    }

    private static byte[] moduleBytes(Path ko) throws IOException {
        String n = ko.getFileName().toString();
        String tool = n.endsWith(".ko.xz") ? "xz" : n.endsWith(".ko.zst") ? "zstd" : n.endsWith(".ko.gz") ? "gzip" : null;
        if (tool == null) {
            return Files.readAllBytes(ko);
        }
        Process p = new ProcessBuilder(tool, "-dc", ko.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] data = p.getInputStream().readAllBytes();
        try {
            if (p.waitFor() != 0) {
                throw new IOException(tool + " -dc " + ko + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return data;
    }

    /** The libraries ldd lists for {@code binary} (none for a static busybox), loader included. */
    static List<Path> sharedLibraries(Path binary) {
        ProcessResult r = Commands.run(List.of("ldd", binary.toString()), Duration.ofSeconds(10));
        List<Path> libs = new ArrayList<>();
        if (!r.succeeded()) {
            return libs; // "not a dynamic executable"
        }
        for (String line : r.stdout().split("\n")) {
            for (String tok : line.trim().split("\\s+")) {
                if (tok.startsWith("/")) {
                    libs.add(Path.of(tok));
                }
            }
        }
        return libs;
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = GuestImage.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IOException("missing resource " + RESOURCES + name);
            }
            return in.readAllBytes();
        }
    }

    private static void writeAtomically(Path target, byte[] data) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), "build", ".tmp");
        Files.write(tmp, data);
        move(tmp, target);
    }

    /** Rename into place: concurrent JVMs building the same file both end with a whole file. */
    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String sha256(String... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                md.update(p.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("SHA-256 is required of every JVM", e);
        }
    }
}
