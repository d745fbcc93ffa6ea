package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.Finding;
import dev.dtprobe.lint.RuleSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Runs the installed dtc 1.6.1 on a file and turns its warnings into comparable keys
 * {@code check /path[:prop]: message} ({@code check Failed prerequisite 'x'} for prerequisite
 * lines), limited to the checks a rule set knows; {@link DtcOracle#parse} reads dtc's output.
 */
final class DtcFindingsOracle {
    private static final String DTC = "/usr/bin/dtc";

    private DtcFindingsOracle() {
    }

    /** Whether /usr/bin/dtc is there and is version 1.6.1, whose texts the rules copy. */
    static boolean available() {
        if (!Files.isExecutable(Path.of(DTC))) {
            return false;
        }
        try {
            return run(List.of(DTC, "--version")).contains("1.6.1");
        } catch (IOException e) {
            return false;
        }
    }

    /** dtc's findings on a file (DTS or DTB, by extension), limited to the checks {@code rules} knows by alias. */
    static Set<String> findings(Path file, RuleSet rules, String... flags) throws IOException {
        // -f: keep going past errors, so every warning is printed
        String format = file.toString().endsWith(".dtb") ? "dtb" : "dts";
        List<String> cmd = new ArrayList<>(List.of(DTC, "-f", "-I", format, "-O", "dtb", "-o", "/dev/null"));
        cmd.addAll(List.of(flags));
        cmd.add(file.toString());
        String text = run(cmd);
        if (text.contains("FATAL ERROR")) {
            throw new IOException("dtc failed on " + file + ": " + text);
        }
        Set<String> out = new TreeSet<>();
        for (DtcOracle.Message m : DtcOracle.parse(text)) {
            if (rules.find(m.check()) != null) {
                out.add(m.check() + " " + (m.location() == null ? m.text() : m.location() + ": " + m.text()));
            }
        }
        return out;
    }

    /** Our findings as the same keys (prerequisite names in dtc's spelling). */
    static Set<String> keys(List<Finding> findings, RuleSet rules) {
        Set<String> out = new TreeSet<>();
        for (Finding f : findings) {
            String check = rules.find(f.ruleId()).info().aliases().get(0);
            String text = f.message().startsWith("Failed prerequisite")
                    ? f.message().replace('-', '_')
                    : f.location() + ": " + f.message();
            out.add(check + " " + text);
        }
        return out;
    }

    private static String run(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("dtc timed out: " + cmd);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
