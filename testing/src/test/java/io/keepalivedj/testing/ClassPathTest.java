package io.keepalivedj.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keepalivedj.linux.genetlink.GenericNetlinkClient;
import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassPathTest {

    private static Path jar(Path file, String classPath) throws Exception {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (classPath != null) {
            m.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        }
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream j = new JarOutputStream(out, m)) {
            j.flush();
        }
        return file;
    }

    private static Path location(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath().normalize();
    }

    @Test
    void followsManifestClassPathsLikeTheJvm(@TempDir Path dir) throws Exception {
        Path classes = Files.createDirectories(dir.resolve("target/classes"));
        Path lib = jar(dir.resolve("repo/lib.jar"), null);
        Path spaced = jar(dir.resolve("repo/with space.jar"), null);
        // a jar reached through Class-Path has a Class-Path of its own: followed too
        Path middle = jar(dir.resolve("repo/middle.jar"), "lib.jar with%20space.jar");
        // surefire's manifest-only jar: relative URLs, an absolute file: URL, a missing and a repeated entry
        Path booter = jar(dir.resolve("tmp/booter.jar"), "../target/classes/ ../repo/middle.jar "
                + lib.toUri() + " ../repo/missing.jar ../repo/lib.jar");
        Path stray = Files.writeString(dir.resolve("notes.txt"), "not a jar");

        List<Path> expanded = ClassPath.expand(String.join(File.pathSeparator, "tmp/booter.jar", "", "notes.txt"),
                File.pathSeparator, dir);
        assertThat(expanded).containsExactly(booter, classes, middle, lib, spaced, stray);
    }

    @Test
    void runningJvmsClassPathHasTheRealEntries() throws Exception {
        List<Path> cp = ClassPath.ofRunningJvm();
        // jnr-ffi's and jffi's jars come in as dependencies of linux-net: the guest JVM needs them all
        assertThat(cp).contains(location(ClassPathTest.class), location(KernelVm.class),
                location(GenericNetlinkClient.class), location(jnr.ffi.LibraryLoader.class),
                location(com.kenai.jffi.Library.class), location(org.junit.jupiter.api.Test.class));
        assertThat(cp).allSatisfy(p -> assertThat(p).isAbsolute().exists());
        assertThat(cp).doesNotHaveDuplicates();
    }

    @Test
    void javaCommandRunsTheSameClassesOnTheSameLauncher() throws Exception {
        JavaCommand c = JavaCommand.forKernelVm(ClassPathTest.class, "a", "b c");
        List<String> argv = c.argv();
        assertThat(argv.get(0)).isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        assertThat(argv.subList(1, 5)).containsExactly("-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp",
                String.join(File.pathSeparator, ClassPath.ofRunningJvm().stream().map(Path::toString).toList()));
        assertThat(argv.subList(5, argv.size())).containsExactly("io.keepalivedj.testing.ClassPathTest", "a", "b c");

        Path java = Path.of("/usr/bin/java");
        List<Path> cp = List.of(Path.of("/x.jar"));
        assertThatThrownBy(() -> new JavaCommand(Path.of("java"), List.of(), cp, "a.B", List.of()))
                .hasMessageContaining("absolute");
        assertThatThrownBy(() -> new JavaCommand(java, List.of("-cp"), cp, "a.B", List.of()))
                .hasMessageContaining("class path");
        assertThatThrownBy(() -> new JavaCommand(java, List.of(), List.of(Path.of("/a:b")), "a.B", List.of()))
                .hasMessageContaining("without ':'");
        assertThatThrownBy(() -> new JavaCommand(java, List.of(), cp, "a.B;rm", List.of()))
                .hasMessageContaining("binary class name");
        assertThatThrownBy(() -> new JavaCommand(java, List.of(), List.of(), "a.B", List.of()))
                .hasMessageContaining("empty class path");
    }
}
