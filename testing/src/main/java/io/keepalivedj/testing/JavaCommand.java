package io.keepalivedj.testing;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A {@code java} command line that runs {@code mainClass} on the running JVM's own binary and
 * class path ({@link ClassPath#ofRunningJvm()}), e.g. inside a {@link KernelVm} guest, where the
 * host's files appear at the same paths.
 *
 * @param java       the java launcher, absolute
 * @param jvmOptions options before -cp, e.g. -Xmx256m
 * @param classPath  absolute entries
 * @param mainClass  binary name of the class with main(String[])
 * @param args       its arguments
 */
public record JavaCommand(Path java, List<String> jvmOptions, List<Path> classPath, String mainClass,
        List<String> args) {

    /**
     * JVM options for the guest: C1 only and the CDS archive when it maps (TCG emulates the CPU
     * ~30x slower than the host, so C2's compile work and class loading dominate a short run).
     */
    public static final List<String> KERNEL_VM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-Xshare:auto");

    public JavaCommand {
        Objects.requireNonNull(java, "java");
        if (!java.isAbsolute()) {
            throw new IllegalArgumentException("java launcher must be an absolute path: " + java);
        }
        jvmOptions = List.copyOf(jvmOptions);
        for (String o : jvmOptions) {
            if (!o.startsWith("-") || o.equals("-cp") || o.equals("-classpath") || o.equals("--class-path")) {
                throw new IllegalArgumentException("not a JVM option (or a class path, which is set separately): " + o);
            }
        }
        classPath = List.copyOf(classPath);
        if (classPath.isEmpty()) {
            throw new IllegalArgumentException("empty class path");
        }
        for (Path p : classPath) {
            if (!p.isAbsolute() || p.toString().contains(File.pathSeparator)) {
                throw new IllegalArgumentException("class path entries must be absolute, without '"
                        + File.pathSeparator + "': " + p);
            }
        }
        Objects.requireNonNull(mainClass, "mainClass");
        if (!mainClass.matches("([\\p{L}_$][\\p{L}\\p{N}_$]*\\.)*[\\p{L}_$][\\p{L}\\p{N}_$]*")) {
            throw new IllegalArgumentException("not a binary class name: " + mainClass);
        }
        args = List.copyOf(args);
    }

    /** {@code mainClass} on this JVM's launcher and expanded class path, with {@link #KERNEL_VM_OPTIONS}. */
    public static JavaCommand forKernelVm(Class<?> mainClass, String... args) {
        return new JavaCommand(Path.of(System.getProperty("java.home"), "bin", "java"), KERNEL_VM_OPTIONS,
                ClassPath.ofRunningJvm(), mainClass.getName(), List.of(args));
    }

    /** The argument vector: java, options, -cp, the class path, main class, arguments. */
    public List<String> argv() {
        List<String> argv = new ArrayList<>();
        argv.add(java.toString());
        argv.addAll(jvmOptions);
        argv.add("-cp");
        argv.add(classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        argv.add(mainClass);
        argv.addAll(args);
        return argv;
    }
}
