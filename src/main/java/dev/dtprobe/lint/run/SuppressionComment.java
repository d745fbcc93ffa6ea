package dev.dtprobe.lint.run;

import java.util.List;

/**
 * One {@code dtprobe: ignore[rule-a,rule-b] reason} comment in a source file.
 *
 * @param line       1-based line of the comment
 * @param column     1-based column where the comment starts
 * @param names      the rule ids or dtc aliases between the brackets, as written
 * @param reason     the text after the brackets (empty when none was given)
 * @param standalone the comment is alone on its line, so it also covers the next line
 */
public record SuppressionComment(int line, int column, List<String> names, String reason, boolean standalone) {

    public SuppressionComment {
        names = List.copyOf(names);
    }

    /** Whether this comment covers findings on {@code findingLine}. */
    public boolean covers(int findingLine) {
        return findingLine == line || (standalone && findingLine == line + 1);
    }
}
