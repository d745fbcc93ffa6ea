package dev.dtprobe.report.html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium, headless, as this machine allows it (no sandbox as root, no network
 * services, a fresh profile each run): loads a page and returns its DOM after the scripts ran,
 * and every console message (console.error, uncaught exceptions) Chromium logged.
 */
final class HeadlessChromium {
    static final Path BINARY = Path.of("/usr/bin/chromium");

    record Loaded(String dom, List<String> console) {
    }

    private HeadlessChromium() {
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    static Loaded load(Path page, Path scratch) throws IOException, InterruptedException {
        return run(scratch, "--dump-dom", page.toUri().toString());
    }

    static void screenshot(Path page, Path png, int width, int height, Path scratch)
            throws IOException, InterruptedException {
        run(scratch, "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                "--hide-scrollbars", page.toUri().toString());
    }

    private static Loaded run(Path scratch, String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(scratch, "chromium-profile");
        List<String> cmd = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
        cmd.addAll(List.of(args));
        Path out = scratch.resolve("chromium.out");
        Path err = scratch.resolve("chromium.err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("chromium did not finish in 90 s");
        }
        List<String> console = new ArrayList<>();
        for (String line : Files.readAllLines(err, StandardCharsets.UTF_8)) {
            if (line.contains(":CONSOLE")) {
                console.add(line);
            }
        }
        return new Loaded(Files.readString(out, StandardCharsets.UTF_8), console);
    }
}
