package io.keepalivedj.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A writer of the "newc" cpio format the kernel unpacks as an initramfs
 * (Documentation/driver-api/early-userspace/buffer-format.rst): per entry a 110-byte ASCII header
 * "070701" + 13 eight-digit hex fields (ino, mode, uid, gid, nlink, mtime, filesize, devmajor,
 * devminor, rdevmajor, rdevminor, namesize incl. NUL, check), the name, NUL, padding to 4 bytes,
 * the data, padding to 4; ended by an entry named "TRAILER!!!". Parent directories are added
 * before their entries; owner root, mtime 0, so equal inputs give equal bytes.
 */
final class Cpio {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Set<String> dirs = new LinkedHashSet<>();
    private int ino = 1;

    /** A directory (and its parents), mode 0755. */
    Cpio dir(String path) {
        String p = strip(path);
        if (p.isEmpty() || dirs.contains(p)) {
            return this;
        }
        int slash = p.lastIndexOf('/');
        if (slash > 0) {
            dir(p.substring(0, slash));
        }
        dirs.add(p);
        entry(p, 0040755, new byte[0]);
        return this;
    }

    /** A regular file with permission bits {@code perm} (e.g. 0755), parents created. */
    Cpio file(String path, int perm, byte[] data) {
        String p = strip(path);
        int slash = p.lastIndexOf('/');
        if (slash > 0) {
            dir(p.substring(0, slash));
        }
        entry(p, 0100000 | (perm & 07777), data);
        return this;
    }

    /** The archive, trailer included. */
    byte[] finish() {
        entry("TRAILER!!!", 0, new byte[0]);
        return out.toByteArray();
    }

    private static String strip(String path) {
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p;
    }

    private void entry(String name, int mode, byte[] data) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        StringBuilder h = new StringBuilder("070701");
        int nlink = (mode & 0170000) == 0040000 ? 2 : 1;
        for (long v : new long[] {ino++, mode, 0, 0, nlink, 0, data.length, 0, 0, 0, 0, n.length + 1, 0}) {
            h.append(String.format("%08x", v));
        }
        try {
            write(out, h.toString().getBytes(StandardCharsets.US_ASCII));
            write(out, n);
            out.write(0);
            pad();
            write(out, data);
            pad();
        } catch (IOException e) {
            throw new AssertionError(e); // ByteArrayOutputStream does not throw
        }
    }

    private static void write(OutputStream o, byte[] b) throws IOException {
        o.write(b);
    }

    private void pad() {
        while (out.size() % 4 != 0) {
            out.write(0);
        }
    }
}
