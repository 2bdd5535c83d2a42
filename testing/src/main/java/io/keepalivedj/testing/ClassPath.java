package io.keepalivedj.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The class path of the running JVM as a list of real directories and jars, for starting another
 * JVM on the same classes (in a {@link KernelVm} guest, which sees the host's files at the same
 * paths). {@code java.class.path} is read and every jar's manifest {@code Class-Path} followed
 * exactly as the JVM does it (JAR File Specification, "Class-Path Attribute": relative URLs
 * against the jar's own location, recursively, first occurrence wins). That gives the true list
 * for every launcher: plain {@code java -cp}; a JVM started on a manifest-only jar (surefire's
 * booter jar, {@code java -jar} launchers), where the property names just that jar, possibly in a
 * directory the guest does not share (its /tmp is empty); and surefire 3, whose booter rewrites
 * the property to the test class path. The alternatives are worse: the application class loader
 * is no URLClassLoader since Java 9, a class's code source finds only the jars one thinks to
 * name (not jffi's native jar or asm behind jnr-ffi), and paths built from ~/.m2 break on every
 * version bump; surefire's own properties exist only under surefire.
 */
public final class ClassPath {

    private ClassPath() {
    }

    /** The running JVM's class path, expanded; entries that do not exist are dropped (the JVM ignores them too). */
    public static List<Path> ofRunningJvm() {
        return expand(System.getProperty("java.class.path", ""), File.pathSeparator, Path.of("").toAbsolutePath());
    }

    /**
     * Expands {@code classPath} (entries separated by {@code separator}, relative ones against
     * {@code baseDir}): each existing entry in order, and after each jar the entries its manifest's
     * Class-Path names, recursively. Absolute, normalized, without duplicates.
     */
    static List<Path> expand(String classPath, String separator, Path baseDir) {
        Set<Path> out = new LinkedHashSet<>();
        for (String entry : classPath.split(java.util.regex.Pattern.quote(separator))) {
            if (!entry.isEmpty()) {
                add(baseDir.resolve(entry).toAbsolutePath().normalize(), out);
            }
        }
        return List.copyOf(out);
    }

    private static void add(Path entry, Set<Path> out) {
        if (!Files.exists(entry) || !out.add(entry) || !Files.isRegularFile(entry)) {
            return;
        }
        for (Path p : manifestClassPath(entry)) {
            add(p, out);
        }
    }

    /** The Class-Path attribute of {@code jar}: space-separated URLs, relative to the jar's URL. */
    static List<Path> manifestClassPath(Path jar) {
        List<Path> paths = new ArrayList<>();
        try (JarFile jf = new JarFile(jar.toFile())) {
            Manifest m = jf.getManifest();
            String value = m == null ? null : m.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (value == null) {
                return paths;
            }
            URI base = jar.toUri();
            for (String url : value.trim().split("\\s+")) {
                if (url.isEmpty()) {
                    continue;
                }
                URI u = base.resolve(url);
                // the JVM only follows local files (jdk.internal.loader.URLClassPath); so do we
                if ("file".equals(u.getScheme())) {
                    paths.add(Path.of(u).normalize());
                }
            }
        } catch (IOException e) {
            // not a jar (a stray file on the class path): the JVM skips it, and so do we
            if (!(e instanceof java.util.zip.ZipException)) {
                throw new UncheckedIOException("cannot read the manifest of " + jar, e);
            }
        }
        return paths;
    }
}
