package dev.dtprobe.lint.probe;

import dev.dtprobe.lint.LintRule;
import java.util.List;

/** The rules that judge a board by its simulated boot. */
public final class ProbeRules {
    private ProbeRules() {
    }

    public static List<LintRule> all() {
        return List.of();
    }
}
