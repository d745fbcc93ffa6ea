package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintRule;
import java.util.List;

/** dtc's checks, in the order of dtc's {@code check_table}. */
public final class DtcRules {
    private DtcRules() {
    }

    public static List<LintRule> all() {
        return List.of();
    }
}
