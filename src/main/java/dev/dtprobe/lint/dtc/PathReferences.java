package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;

/**
 * dtc's {@code path_references}, the pass that splices {@code &ref} paths into values; the front
 * end runs it while loading and its failures are re-reported from there.
 */
public final class PathReferences extends LintRule {
    static final RuleInfo INFO = DtcCheck.info("path_references", RuleLevel.ERROR)
            .summary("every '&ref' outside '<>' names an existing node")
            .description("A '&label' or '&{/path}' outside a cell list is replaced by the target's full "
                    + "path (as in 'stdout-path = &uart0;'); a label or path that names no node is an error.")
            .example("/ { chosen { stdout-path = &no_such_uart; }; };")
            .prerequisites("duplicate-node-names")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void finish(LintContext ctx) {
        FrontEndFindings.reReport(ctx, "path_references", text -> false);
    }
}
