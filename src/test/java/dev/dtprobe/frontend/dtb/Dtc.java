package dev.dtprobe.frontend.dtb;

import dev.dtprobe.testutil.Corpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Test helper: runs the installed dtc (the oracle) and locates the shared corpus. */
public final class Dtc {
    private Dtc() {
    }

    private static Boolean available;

    public static synchronized boolean available() {
        if (available == null) {
            try {
                Process p = new ProcessBuilder("dtc", "--version").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes());
                available = p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0 && out.contains("1.6.1");
            } catch (IOException | InterruptedException e) {
                available = false;
            }
        }
        return available;
    }

    /** Runs dtc with these arguments and returns its stdout; stderr (warnings) is discarded. */
    public static byte[] run(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("dtc");
        cmd.addAll(Arrays.asList(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readAllBytes();
            }
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("dtc failed: " + cmd);
            }
            return out;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("cannot run " + cmd, e);
        }
    }

    /** dtc with DTS source text as a temporary file. */
    public static byte[] runOnSource(String dts, String... args) {
        try {
            Path tmp = Files.createTempFile("dtprobe-test", ".dts");
            try {
                Files.writeString(tmp, dts);
                String[] all = Arrays.copyOf(args, args.length + 1);
                all[args.length] = tmp.toString();
                return run(all);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code ../shared/corpus/<sub>} relative to the project directory. */
    public static Path corpus(String sub) {
        return Corpus.shared().resolve("corpus").resolve(sub);
    }

    /** All files under {@code dir} ending in {@code suffix}, sorted; empty if the directory is absent. */
    public static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix) && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Path> referenceDtbs() {
        return files(corpus("linux-v5.7-dtc-ref/arm64"), ".dtb");
    }

    public static List<Path> qemuDtbs() {
        return files(corpus("qemu"), ".dtb");
    }
}
