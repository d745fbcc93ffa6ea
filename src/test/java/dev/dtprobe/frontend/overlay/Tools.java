package dev.dtprobe.frontend.overlay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Test helper: runs the installed dtc, fdtoverlay and cpp (the oracles). */
final class Tools {
    private Tools() {
    }

    /** Exit status, stdout and stderr of one run. */
    record Result(int status, byte[] out, String err) {
        String outText() {
            return new String(out);
        }
    }

    private static Boolean available;

    /** dtc 1.6.1 and fdtoverlay are both on the path. */
    static synchronized boolean available() {
        if (available == null) {
            try {
                Result dtc = run(List.of("dtc", "--version"));
                Result fdto = run(List.of("fdtoverlay", "--help"));
                available = dtc.status() == 0 && (dtc.outText() + dtc.err()).contains("1.6.1")
                        && (fdto.outText() + fdto.err()).contains("fdtoverlay");
            } catch (IllegalStateException e) {
                available = false;
            }
        }
        return available;
    }

    static Result run(List<String> cmd) {
        try {
            Path err = Files.createTempFile("dtprobe-tool", ".err");
            try {
                Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
                p.getOutputStream().close();
                byte[] out;
                try (InputStream in = p.getInputStream()) {
                    out = in.readAllBytes();
                }
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("timed out: " + cmd);
                }
                return new Result(p.exitValue(), out, Files.readString(err));
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + cmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + cmd, e);
        }
    }

    /** Runs a command that must succeed; returns stdout. */
    static byte[] ok(String... cmd) {
        Result r = run(Arrays.asList(cmd));
        if (r.status() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed (" + r.status() + "): " + r.err());
        }
        return r.out();
    }

    /** {@code dtc [-@] -I dts -O dtb -o out in}. */
    static void dtcCompile(Path in, Path out, boolean symbols, String... extra) {
        List<String> cmd = new ArrayList<>(List.of("dtc", "-I", "dts", "-O", "dtb", "-o", out.toString()));
        if (symbols) {
            cmd.add("-@");
        }
        cmd.addAll(Arrays.asList(extra));
        cmd.add(in.toString());
        ok(cmd.toArray(String[]::new));
    }

    /** {@code dtc -I dtb -O dts} of a blob file, unsorted. */
    static String decompile(Path dtb) {
        return new String(ok("dtc", "-I", "dtb", "-O", "dts", dtb.toString()));
    }

    /** {@code dtc -I dtb -O dts} of blob bytes. */
    static String decompile(byte[] dtb, Path scratch) throws IOException {
        Path f = Files.createTempFile(scratch, "dtprobe", ".dtb");
        Files.write(f, dtb);
        return decompile(f);
    }

    /** {@code fdtoverlay -i base -o out overlays...}. */
    static Result fdtoverlay(Path base, Path out, List<Path> overlays) {
        List<String> cmd = new ArrayList<>(List.of("fdtoverlay", "-i", base.toString(), "-o", out.toString()));
        for (Path o : overlays) {
            cmd.add(o.toString());
        }
        return run(cmd);
    }
}
