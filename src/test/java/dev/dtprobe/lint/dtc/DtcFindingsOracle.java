package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.Finding;
import dev.dtprobe.lint.LintRule;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the installed dtc 1.6.1 and turns its warnings into comparable keys
 * {@code check /path[:prop]: message}. "Failed prerequisite" lines become
 * {@code check (failed prerequisite)}: dtc prints one per failed prerequisite, we print the first.
 */
final class DtcFindingsOracle {
    private static final Pattern LINE = Pattern.compile("^.*?: (?:Warning|ERROR) \\(([a-z0-9_]+)\\): (.*)$");
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

    /** dtc's findings on a file, limited to the checks {@code rules} knows by alias. */
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
        for (String line : text.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (m.matches() && rules.find(m.group(1)) != null) {
                out.add(key(m.group(1), m.group(2)));
            }
        }
        return out;
    }

    /**
     * dtc's findings as a sorted list (a multiset: a check may report the same text twice),
     * with one "failed prerequisite" key per check.
     */
    static List<String> findingList(Path file, RuleSet rules, String... flags) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(DTC, "-f", "-I", "dts", "-O", "dtb", "-o", "/dev/null"));
        cmd.addAll(List.of(flags));
        cmd.add(file.toString());
        String text = run(cmd);
        if (text.contains("FATAL ERROR")) {
            throw new IOException("dtc failed on " + file + ": " + text);
        }
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (m.matches() && rules.find(m.group(1)) != null) {
                out.add(key(m.group(1), m.group(2)));
            }
        }
        return normalised(out);
    }

    /** Our findings as the list of {@link #findingList}. */
    static List<String> keyList(List<Finding> findings, RuleSet rules) {
        List<String> out = new ArrayList<>();
        for (Finding f : findings) {
            out.add(key(rules.find(f.ruleId()).info().aliases().get(0), f.location() + ": " + f.message()));
        }
        return normalised(out);
    }

    private static List<String> normalised(List<String> keys) {
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            if (!k.endsWith("(failed prerequisite)") || !out.contains(k)) {
                out.add(k);
            }
        }
        out.sort(null);
        return out;
    }

    /** Our findings as the same keys. */
    static Set<String> keys(List<Finding> findings, RuleSet rules) {
        Set<String> out = new TreeSet<>();
        for (Finding f : findings) {
            LintRule r = rules.find(f.ruleId());
            out.add(key(r.info().aliases().get(0), f.location() + ": " + f.message()));
        }
        return out;
    }

    private static String key(String check, String rest) {
        if (rest.startsWith("Failed prerequisite") || rest.startsWith("/: Failed prerequisite")) {
            return check + " (failed prerequisite)";
        }
        return check + " " + rest;
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
