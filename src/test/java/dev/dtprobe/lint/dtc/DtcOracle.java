package dev.dtprobe.lint.dtc;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the installed dtc (1.6.1) and parses its check messages. */
final class DtcOracle {
    static final Path DTC = Path.of("/usr/bin/dtc");
    private static final Pattern LINE = Pattern.compile("^(.*?): (Warning|ERROR) \\(([a-z0-9_]+)\\): (.*)$");

    private DtcOracle() {
    }

    static boolean installed() {
        if (!Files.isExecutable(DTC)) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(DTC.toString(), "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 && out.contains("1.6.1");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * One message: the check, whether dtc ran it as an error, and where/what as dtc prints it
     * ({@code /path[:prop]} and the text; for "Failed prerequisite" lines the location is null).
     */
    record Message(String check, boolean error, String location, String text) {
        String path() {
            int colon = location.indexOf(':');
            return colon < 0 ? location : location.substring(0, colon);
        }

        String property() {
            int colon = location.indexOf(':');
            return colon < 0 ? null : location.substring(colon + 1);
        }

        /** {@code check path[:prop]}, or {@code check <text>} for a message without a node. */
        String key() {
            return check + " " + (location == null ? text : location);
        }
    }

    /** Compiles DTS text given on standard input with {@code -f} and the given flags. */
    static List<Message> compile(String dts, String... flags) {
        return run("dts", dts.getBytes(StandardCharsets.UTF_8), flags);
    }

    /** Reads a DTB (dtc runs its checks on DTB input too). */
    static List<Message> compileDtb(byte[] dtb, String... flags) {
        return run("dtb", dtb, flags);
    }

    private static List<Message> run(String inputFormat, byte[] input, String... flags) {
        List<String> cmd = new ArrayList<>(List.of(DTC.toString(), "-f", "-I", inputFormat, "-O", "dtb", "-o",
                "/dev/null"));
        cmd.addAll(List.of(flags));
        cmd.add("-");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p));
            try (OutputStream in = p.getOutputStream()) {
                in.write(input);
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("dtc hangs on input");
            }
            return parse(new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readAll(Process p) {
        try {
            return p.getErrorStream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The check messages of a dtc stderr text (continuation and blank lines skipped). */
    static List<Message> parse(String stderr) {
        List<Message> out = new ArrayList<>();
        for (String line : stderr.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String rest = m.group(4);
            boolean error = m.group(2).equals("ERROR");
            if (rest.startsWith("/")) {
                int sep = rest.indexOf(": ");
                out.add(new Message(m.group(3), error, rest.substring(0, sep), rest.substring(sep + 2)));
            } else {
                out.add(new Message(m.group(3), error, null, rest));
            }
        }
        return out;
    }
}
