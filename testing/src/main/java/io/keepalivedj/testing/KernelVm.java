package io.keepalivedj.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs one command at a time in a throw-away qemu guest booted from Debian's kernel
 * ({@link GuestKernel}: IPVS, netem, nlmon... as modules, which this host's kernel lacks).
 * The guest sees the host's / over 9p, read-only, under a tmpfs overlay (writes succeed and
 * vanish); /tmp, /run and /var/tmp start empty; only {@link Options#readWrite()} directories
 * write through to the host. The command runs as root in {@link Options#workDir()}, stdin
 * /dev/null, loopback networking only. Every {@link #run} boots a fresh guest (~2.5 s under TCG).
 *
 * <p>Accelerator: KVM when /dev/kvm is usable and backed by kvm_intel/kvm_amd; otherwise TCG,
 * one vCPU (HotSpot's JIT crashes under multi-threaded TCG), {@code -cpu Westmere-v1}. A
 * /dev/kvm from kvm_pvm (nested sandboxes, as on this project's build machine) runs a stock
 * kernel so slowly it never boots, so it counts as unusable.
 *
 * <p>qemu never outlives its run: it is killed on timeout, on {@link #close()}, by a JVM shutdown
 * hook, and by the kernel (setpriv's parent-death signal) if the JVM is SIGKILLed.
 */
public final class KernelVm implements AutoCloseable {

    /** Environment variables copied from the host into the guest command's environment. */
    static final List<String> ENV_PASS = List.of("PATH", "HOME", "JAVA_HOME", "USER", "LOGNAME", "LANG", "LC_ALL",
            "TZ", "MAVEN_OPTS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "CI", "TERM");
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "kernel-vm-cleanup"));
    }

    /**
     * How the guest runs.
     *
     * @param timeout   wall-clock budget of one run, boot included
     * @param memory    guest RAM for qemu -m, e.g. "2G" or "1536M"
     * @param cpus      vCPUs (under TCG they share one host thread)
     * @param readWrite host directories shared read-write at the same path
     * @param readOnly  host directories the guest must see although a tmpfs would hide them (a
     *                  checkout under /tmp whose jars a guest JVM runs); shared read-only
     * @param env       the command's environment (nothing else is inherited)
     * @param workDir   the command's working directory (shared read-only if a tmpfs would hide it)
     */
    public record Options(Duration timeout, String memory, int cpus, List<Path> readWrite, List<Path> readOnly,
            Map<String, String> env, Path workDir) {
        public Options {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + timeout);
            }
            if (memory == null || !memory.matches("[1-9][0-9]*[MG]")) {
                throw new IllegalArgumentException("memory must look like 2G or 1536M: " + memory);
            }
            if (cpus < 1 || cpus > 64) {
                throw new IllegalArgumentException("cpus out of 1..64: " + cpus);
            }
            readWrite = readWrite.stream().map(p -> p.toAbsolutePath().normalize()).toList();
            for (Path p : readWrite) {
                if (p.getNameCount() == 0) {
                    throw new IllegalArgumentException("sharing / read-write is not allowed");
                }
            }
            readOnly = readOnly.stream().map(p -> p.toAbsolutePath().normalize()).toList();
            env = Map.copyOf(env);
            for (String k : env.keySet()) {
                if (!k.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    throw new IllegalArgumentException("bad environment variable name: " + k);
                }
            }
            workDir = workDir.toAbsolutePath().normalize();
        }

        /** 5 minutes, 2G, 1 vCPU, no read-write share, the host's PATH/HOME/JAVA_HOME/LANG..., the JVM's working dir. */
        public static Options defaults() {
            Map<String, String> env = new LinkedHashMap<>();
            for (String k : ENV_PASS) {
                String v = System.getenv(k);
                if (v != null) {
                    env.put(k, v);
                }
            }
            // the command runs as root: modprobe, ip, ipvsadm live in the sbin directories
            String path = env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
            if (!(":" + path + ":").contains(":/usr/sbin:")) {
                path = path + ":/usr/local/sbin:/usr/sbin:/sbin";
            }
            env.put("PATH", path);
            // The checkout (bin/test and surefire set keepalivedj.project.root) holds the classes a
            // guest JVM runs; a clone under /tmp would otherwise be hidden by the guest's tmpfs.
            List<Path> ro = new ArrayList<>();
            String root = System.getProperty("keepalivedj.project.root");
            if (root != null && !root.isBlank()) {
                ro.add(Path.of(root));
            }
            return new Options(Duration.ofMinutes(5), "2G", 1, List.of(), ro, env, Path.of(System.getProperty("user.dir")));
        }

        /** These options with another timeout. */
        public Options withTimeout(Duration t) {
            return new Options(t, memory, cpus, readWrite, readOnly, env, workDir);
        }

        /** These options with more read-write shares. */
        public Options withReadWrite(Path... dirs) {
            List<Path> rw = new ArrayList<>(readWrite);
            rw.addAll(List.of(dirs));
            return new Options(timeout, memory, cpus, rw, readOnly, env, workDir);
        }

        /** These options with more directories the guest sees read-only even under its tmpfs. */
        public Options withReadOnly(Path... dirs) {
            List<Path> r = new ArrayList<>(readOnly);
            r.addAll(List.of(dirs));
            return new Options(timeout, memory, cpus, readWrite, r, env, workDir);
        }

        /** These options with one more (or a replaced) environment variable. */
        public Options withEnv(String name, String value) {
            Map<String, String> e = new LinkedHashMap<>(env);
            e.put(name, value);
            return new Options(timeout, memory, cpus, readWrite, readOnly, e, workDir);
        }

        /** These options with another working directory. */
        public Options withWorkDir(Path dir) {
            return new Options(timeout, memory, cpus, readWrite, readOnly, env, dir);
        }
    }

    private final Options options;
    private final GuestKernel kernel;
    private final Path qemu;
    private final Path busybox;
    private final Path cache;
    private volatile Process current;
    private volatile boolean closed;

    private KernelVm(Options options, GuestKernel kernel, Path qemu, Path busybox, Path cache) {
        this.options = options;
        this.kernel = kernel;
        this.qemu = qemu;
        this.busybox = busybox;
        this.cache = cache;
    }

    /** A runner with {@link Options#defaults()}. */
    public static KernelVm create() {
        return create(Options.defaults());
    }

    /**
     * A runner; checks the prerequisites ({@link TierPrerequisites#kernelVm}) and throws
     * {@link KernelVmException} naming what is missing.
     */
    public static KernelVm create(Options options) {
        HostProbe host = new LocalHostProbe();
        List<Prerequisite> missing = TierPrerequisites.kernelVm(host).stream().filter(p -> !p.met()).toList();
        if (!missing.isEmpty()) {
            throw new KernelVmException(TierGate.message(Tier.KERNEL_VM, missing, TierGate.isCi(host.env())));
        }
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "keepalivedj-kernel-vm-cache-" + host.effectiveUid());
        try {
            Files.createDirectories(cache);
        } catch (IOException e) {
            throw new KernelVmException("cache directory " + cache + " unusable", e);
        }
        return new KernelVm(options, GuestKernel.find(host).orElseThrow(),
                host.onPath("qemu-system-x86_64").orElseThrow(), host.onPath("busybox").orElseThrow(), cache);
    }

    /** The kernel the guest boots. */
    public GuestKernel kernel() {
        return kernel;
    }

    /** {@link #run(List)} of the arguments. */
    public ProcessResult run(String... command) {
        return run(List.of(command));
    }

    /**
     * Boots a guest, runs {@code command} (exec-style: {@code bash -c '...'} for shell syntax),
     * powers the guest off and returns the command's exit status and output.
     *
     * @throws KernelVmTimeoutException if boot + command exceed {@link Options#timeout()} (qemu is gone by then)
     * @throws KernelVmException        if the guest could not run the command
     */
    public synchronized ProcessResult run(List<String> command) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        if (closed) {
            throw new IllegalStateException("KernelVm is closed");
        }
        Path initrd = GuestImage.initramfs(kernel, busybox, cache);
        Path boot = GuestImage.vmlinux(kernel, cache).orElse(kernel.image());
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("keepalivedj-vm-");
            Path ctl = Files.createDirectory(tmp.resolve("ctl"));
            List<String> shareArgs = writeMounts(ctl);
            Files.writeString(ctl.resolve("job"), job(command), StandardCharsets.UTF_8);
            Path console = tmp.resolve("console.log");
            List<String> argv = qemuCommand(boot, initrd, ctl, console, shareArgs);
            Process p = new ProcessBuilder(argv).redirectInput(Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("qemu.log").toFile()).start();
            current = p;
            RUNNING.add(p);
            boolean exited;
            try {
                exited = p.waitFor(options.timeout().toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exited = false;
            } finally {
                if (p.isAlive()) {
                    stopQemu(p);
                }
                RUNNING.remove(p);
                current = null;
            }
            if (closed && !Files.exists(ctl.resolve("status"))) {
                throw new KernelVmException("KernelVm closed while running " + command);
            }
            if (!exited) {
                throw new KernelVmTimeoutException("guest timed out after " + options.timeout().toMillis()
                        + " ms running " + command + "; qemu killed\n" + tail(console, 30),
                        read(ctl.resolve("stdout")), read(ctl.resolve("stderr")));
            }
            Path status = ctl.resolve("status");
            if (!Files.exists(status)) {
                throw new KernelVmException("the guest did not report an exit status (qemu exit " + p.exitValue() + ")"
                        + optional("stage", ctl.resolve("failed")) + optional("qemu", tmp.resolve("qemu.log"))
                        + "\n-- guest console:\n" + tail(console, 40));
            }
            return new ProcessResult(Integer.parseInt(read(status).trim()), read(ctl.resolve("stdout")),
                    read(ctl.resolve("stderr")));
        } catch (IOException e) {
            throw new KernelVmException("kernel-vm run of " + command + " failed: " + e, e);
        } finally {
            if (tmp != null) {
                NetnsLab.deleteTree(tmp, new ArrayList<>());
            }
        }
    }

    /** Kills a guest that is running now; later runs are refused. */
    @Override
    public void close() {
        closed = true;
        Process p = current;
        if (p != null) {
            stopQemu(p);
        }
    }

    /** SIGTERM (qemu exits at once on it), SIGKILL after 3 s; waits, so no qemu remains. */
    private static void stopQemu(Process p) {
        p.destroy();
        if (!Commands.awaitExit(p.toHandle(), Duration.ofSeconds(3))) {
            p.destroyForcibly();
            Commands.awaitExit(p.toHandle(), Duration.ofSeconds(10));
        }
    }

    /** Writes ctl/mounts ("KIND TAG PATH", parents first) and returns qemu's -fsdev/-device pairs for the shares. */
    private List<String> writeMounts(Path ctl) throws IOException {
        List<String[]> mounts = new ArrayList<>();
        for (String t : List.of("/tmp", "/run", "/var/tmp")) {
            mounts.add(new String[] {"tmpfs", "-", t});
        }
        List<String> args = new ArrayList<>();
        int n = 0;
        for (Path rw : options.readWrite()) {
            String tag = "kjrw" + n++;
            mounts.add(new String[] {"rw", tag, rw.toRealPath().toString()});
            args.addAll(fsdev(tag, rw.toRealPath(), false));
        }
        List<Path> visible = new ArrayList<>();
        visible.add(options.workDir().toRealPath());
        for (Path ro : options.readOnly()) {
            if (Files.exists(ro)) {
                visible.add(ro.toRealPath());
            }
        }
        int r = 0;
        for (Path dir : visible) {
            boolean hidden = mounts.stream().anyMatch(m -> m[0].equals("tmpfs") && dir.startsWith(m[2]));
            boolean shared = mounts.stream().anyMatch(m -> !m[0].equals("tmpfs") && dir.startsWith(m[2]));
            if (hidden && !shared) {
                String tag = "kjro" + r++;
                mounts.add(new String[] {"ro", tag, dir.toString()});
                args.addAll(fsdev(tag, dir, true));
            }
        }
        mounts.sort(Comparator.comparingInt(m -> Path.of(m[2]).getNameCount()));
        StringBuilder sb = new StringBuilder();
        for (String[] m : mounts) {
            if (m[2].contains("\n") || m[2].contains(" ")) {
                throw new IllegalArgumentException("unsupported path (blank or newline): " + m[2]);
            }
            sb.append(m[0]).append(' ').append(m[1]).append(' ').append(m[2]).append('\n');
        }
        Files.writeString(ctl.resolve("mounts"), sb.toString());
        return args;
    }

    private static List<String> fsdev(String tag, Path path, boolean readOnly) {
        // qemu option values escape "," as ",,"
        return List.of("-fsdev", "local,id=fs_" + tag + ",path=" + path.toString().replace(",", ",,")
                        + ",security_model=none,multidevs=remap" + (readOnly ? ",readonly=on" : ""),
                "-device", "virtio-9p-pci,fsdev=fs_" + tag + ",mount_tag=" + tag);
    }

    /** ctl/job, sourced by stage 2's bash: every value single-quoted, so nothing is expanded twice. */
    private String job(List<String> command) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("KJ_CWD=").append(quote(options.workDir().toRealPath().toString())).append('\n');
        sb.append("KJ_HOSTNAME=").append(quote(hostname())).append('\n');
        sb.append("KJ_ENV=(");
        options.env().forEach((k, v) -> sb.append(' ').append(quote(k + "=" + v)));
        sb.append(" )\nKJ_CMD=(");
        command.forEach(a -> sb.append(' ').append(quote(a)));
        sb.append(" )\n");
        return sb.toString();
    }

    private List<String> qemuCommand(Path boot, Path initrd, Path ctl, Path console, List<String> shareArgs) {
        boolean kvm = kvmUsable();
        List<String> argv = new ArrayList<>(List.of(
                // setpriv: the kernel SIGKILLs qemu if the JVM dies, even by SIGKILL
                "setpriv", "--pdeathsig", "KILL", "--",
                qemu.toString(), "-name", "keepalivedj-kernel-vm", "-machine", "q35",
                "-accel", kvm ? "kvm" : (options.cpus() == 1 ? "tcg,thread=multi" : "tcg,thread=single"),
                "-cpu", kvm ? "host" : "Westmere-v1", "-smp", Integer.toString(options.cpus()),
                "-m", options.memory(), "-nodefaults", "-no-user-config", "-display", "none", "-vga", "none",
                "-no-reboot", "-kernel", boot.toString(), "-initrd", initrd.toString(),
                "-append", "console=ttyS0 loglevel=4 panic=-1 oops=panic reboot=t rdinit=/init"
                        // TCG boot-time savers: no PS/2 probing, trust the TSC, no watchdog, no mitigations
                        + " i8042.noaux i8042.nomux i8042.nopnp i8042.dumbkbd tsc=reliable no_timer_check"
                        + " random.trust_cpu=on rcupdate.rcu_expedited=1 mitigations=off nowatchdog 8250.nr_uarts=1",
                "-chardev", "file,id=con,path=" + console.toString().replace(",", ",,"), "-serial", "chardev:con"));
        argv.addAll(fsdev("kjctl", ctl, false));
        argv.addAll(fsdev("kjroot", Path.of("/"), true));
        argv.addAll(shareArgs);
        return argv;
    }

    /** KVM only with hardware virtualization: kvm_pvm's /dev/kvm cannot run a stock kernel in useful time. */
    static boolean kvmUsable() {
        Path dev = Path.of("/dev/kvm");
        return Files.isReadable(dev) && Files.isWritable(dev)
                && (Files.isDirectory(Path.of("/sys/module/kvm_intel")) || Files.isDirectory(Path.of("/sys/module/kvm_amd")));
    }

    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static String hostname() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        } catch (IOException e) {
            return "kernel-vm";
        }
    }

    private static String read(Path f) {
        try {
            return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String optional(String label, Path f) {
        String s = read(f).strip();
        return s.isEmpty() ? "" : "\n-- " + label + ": " + s;
    }

    private static String tail(Path f, int lines) {
        List<String> all = List.of(read(f).split("\n"));
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    @Override
    public String toString() {
        return "KernelVm[" + kernel.version() + (kvmUsable() ? ", kvm" : ", tcg") + "]";
    }
}
