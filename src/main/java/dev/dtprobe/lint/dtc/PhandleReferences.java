package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;

/**
 * dtc's {@code phandle_references}, the pass that resolves {@code <&ref>} cells; the front end
 * runs it while loading and its failures are re-reported from there.
 */
public final class PhandleReferences extends LintRule {
    static final RuleInfo INFO = DtcCheck.info("phandle_references", RuleLevel.ERROR)
            .summary("every '<&ref>' names an existing node")
            .description("A '<&label>' or '<&{/path}>' reference inside a cell list is replaced by the "
                    + "target's phandle; a label or path that names no node is an error (in an overlay, "
                    + "/plugin/, unresolved references are left for the loader instead).")
            .example("/ { dev { clocks = <&no_such_clock>; }; };")
            .prerequisites("duplicate-node-names", "explicit-phandles")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void finish(LintContext ctx) {
        FrontEndFindings.reReport(ctx, "phandle_references", text -> false);
    }
}
