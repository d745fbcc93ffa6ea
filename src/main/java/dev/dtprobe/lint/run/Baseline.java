package dev.dtprobe.lint.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dtprobe.diag.InputException;
import dev.dtprobe.diag.SourcePos;
import dev.dtprobe.lint.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Known findings that should not fail a build: entries keyed by rule id, input file (relative
 * to the baseline file's directory, '/'-separated) and node path plus property, never by line
 * number, so unrelated edits that move lines keep matching. Each entry has a count: a key
 * hides at most that many findings, so a second instance of a known problem still shows.
 * Findings without a node (bad suppression comments) are never baselined.
 *
 * <pre>{"dtprobeFormat": "lint-baseline/1", "findings": [
 *   {"file": "arm64/board.dts", "node": "/soc/serial@1000", "property": "reg", "rule": "unit-address-vs-reg", "count": 1}]}</pre>
 */
public final class Baseline {
    public static final String FORMAT = "lint-baseline/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final String name;
    private final Map<Key, Integer> counts;

    private Baseline(Path file, Map<Key, Integer> counts) {
        this.dir = file.toAbsolutePath().normalize().getParent();
        this.name = file.toString();
        this.counts = counts;
    }

    /** Rule, input file relative to the baseline, node path, property (or null). */
    record Key(String rule, String file, String node, String property) {
        static final Comparator<Key> ORDER = Comparator.comparing(Key::file).thenComparing(Key::node)
                .thenComparing(k -> k.property() == null ? "" : k.property()).thenComparing(Key::rule);
    }

    /** Reads a baseline file; a missing or malformed one is an input error. */
    public static Baseline load(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new InputException(SourcePos.ofFile(file.toString()), "cannot read baseline: No such file or directory");
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            SourcePos pos = loc == null ? SourcePos.ofFile(file.toString())
                    : new SourcePos(file.toString(), loc.getLineNr(), loc.getColumnNr());
            throw new InputException(pos, "baseline is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputException(SourcePos.ofFile(file.toString()), "cannot read baseline: " + e.getMessage());
        }
        if (root == null || !FORMAT.equals(root.path("dtprobeFormat").asText()) || !root.path("findings").isArray()) {
            throw new InputException(SourcePos.ofFile(file.toString()),
                    "not a dtprobe baseline: expected {\"dtprobeFormat\": \"" + FORMAT + "\", \"findings\": [...]}");
        }
        Map<Key, Integer> counts = new HashMap<>();
        for (JsonNode e : root.get("findings")) {
            String rule = e.path("rule").asText(null);
            String f = e.path("file").asText(null);
            String node = e.path("node").asText(null);
            if (rule == null || f == null || node == null) {
                throw new InputException(SourcePos.ofFile(file.toString()),
                        "baseline entry without rule, file or node: " + e);
            }
            String property = e.hasNonNull("property") ? e.get("property").asText() : null;
            counts.merge(new Key(rule, f, node, property), Math.max(1, e.path("count").asInt(1)), Integer::sum);
        }
        return new Baseline(file, counts);
    }

    /**
     * Marks the findings this baseline lists as {@link Suppression.Kind#BASELINE} and counts the
     * entries of linted files that matched nothing (fixed problems: the baseline can shrink).
     */
    public LintResult apply(LintResult result) {
        Map<Key, Integer> left = new HashMap<>(counts);
        Set<String> linted = new HashSet<>();
        List<FileResult> files = new ArrayList<>();
        for (FileResult fr : result.files()) {
            String rel = relative(dir, fr.path());
            linted.add(rel);
            List<LintedFinding> marked = new ArrayList<>();
            for (LintedFinding lf : fr.findings()) {
                Key k = keyOf(rel, lf.finding());
                Integer n = k == null || lf.isSuppressed() ? null : left.get(k);
                if (n != null && n > 0) {
                    left.put(k, n - 1);
                    marked.add(lf.suppressedBy(new Suppression(Suppression.Kind.BASELINE, "listed in baseline " + name)));
                } else {
                    marked.add(lf);
                }
            }
            files.add(fr.withFindings(marked));
        }
        int stale = 0;
        for (Map.Entry<Key, Integer> e : left.entrySet()) {
            if (linted.contains(e.getKey().file())) {
                stale += e.getValue();
            }
        }
        return new LintResult(files, result.rules(), result.staleBaselineEntries() + stale);
    }

    /** The baseline that hides exactly the run's current findings (inline-suppressed ones excepted). */
    public static byte[] write(LintResult result, Path baselineFile) {
        Path base = baselineFile.toAbsolutePath().normalize().getParent();
        Map<Key, Integer> counts = new TreeMap<>(Key.ORDER);
        for (FileResult fr : result.files()) {
            String rel = relative(base, fr.path());
            for (LintedFinding lf : fr.findings()) {
                Key k = keyOf(rel, lf.finding());
                boolean inline = lf.isSuppressed() && lf.suppression().kind() == Suppression.Kind.INLINE;
                if (k != null && !inline) {
                    counts.merge(k, 1, Integer::sum);
                }
            }
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("dtprobeFormat", FORMAT);
        ArrayNode list = root.putArray("findings");
        counts.forEach((k, n) -> {
            ObjectNode e = list.addObject();
            e.put("file", k.file());
            e.put("node", k.node());
            if (k.property() != null) {
                e.put("property", k.property());
            }
            e.put("rule", k.rule());
            e.put("count", n);
        });
        try {
            DefaultPrettyPrinter pp = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER).withArrayEmptySeparator(""));
            DefaultIndenter lf = new DefaultIndenter("  ", "\n"); // the same bytes on every OS
            pp.indentObjectsWith(lf);
            pp.indentArraysWith(lf);
            return (JSON.writer(pp).writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Key keyOf(String file, Finding f) {
        return f.nodePath() == null ? null : new Key(f.ruleId(), file, f.nodePath(), f.property());
    }

    /** {@code input} relative to {@code dir}, with '/' on every platform. */
    static String relative(Path dir, Path input) {
        Path abs = input.toAbsolutePath().normalize();
        Path rel = dir == null ? abs : dir.relativize(abs);
        return rel.toString().replace('\\', '/');
    }
}
