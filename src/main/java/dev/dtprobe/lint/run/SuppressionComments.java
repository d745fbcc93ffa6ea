package dev.dtprobe.lint.run;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds suppression comments in DTS source: {@code /* dtprobe: ignore[rule-id] reason *}{@code /}
 * or {@code // dtprobe: ignore[rule-a,rule-b] reason}. A comment covers the line it is on; a
 * comment alone on its line also covers the next line (for a node or property line that is
 * already long). The text is read as written, before cpp, which drops comments.
 */
public final class SuppressionComments {
    private static final Pattern IGNORE = Pattern.compile("dtprobe:\\s*ignore\\[([^\\]]*)\\]");

    private SuppressionComments() {
    }

    /** Every suppression comment in {@code text}, in order. */
    public static List<SuppressionComment> parse(String text) {
        List<SuppressionComment> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.split("\n", -1)) {
            lineNo++;
            if (line.contains("dtprobe:")) {
                parseLine(line, lineNo, out);
            }
        }
        return out;
    }

    private static void parseLine(String line, int lineNo, List<SuppressionComment> out) {
        Matcher m = IGNORE.matcher(line);
        while (m.find()) {
            int open = commentOpener(line, m.start());
            if (open < 0) {
                continue; // the words appear outside a comment, e.g. in a string
            }
            boolean block = line.startsWith("/*", open);
            int end = block ? line.indexOf("*/", m.end()) : -1;
            String reason = (end < 0 ? line.substring(m.end()) : line.substring(m.end(), end)).strip();
            boolean standalone = line.substring(0, open).isBlank()
                    && (end < 0 || line.substring(end + 2).isBlank());
            out.add(new SuppressionComment(lineNo, open + 1, names(m.group(1)), reason, standalone));
        }
    }

    /** Where the comment holding position {@code at} starts, or -1 if {@code at} is not in one. */
    private static int commentOpener(String line, int at) {
        int slash = line.lastIndexOf("//", at);
        int block = line.lastIndexOf("/*", at);
        if (block >= 0 && line.indexOf("*/", block + 2) >= 0 && line.indexOf("*/", block + 2) < at) {
            block = -1; // that block comment closed before the marker
        }
        return Math.max(slash, block);
    }

    private static List<String> names(String list) {
        List<String> names = new ArrayList<>();
        for (String n : list.split(",")) {
            if (!n.isBlank()) {
                names.add(n.strip());
            }
        }
        return names;
    }
}
