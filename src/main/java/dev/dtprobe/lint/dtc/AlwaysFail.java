package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;

/** dtc's {@code always_fail}: a check for testing the machinery (off by default). */
public final class AlwaysFail extends LintRule {
    static final RuleInfo INFO = DtcCheck.info("always_fail", RuleLevel.OFF)
            .summary("fails on every node (for testing flags and output)")
            .description("dtc's test-suite check: reports every node. Useful to see how a CI setup shows "
                    + "findings, and nothing else.")
            .example("/ { };")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        ctx.report(node, "always_fail check");
    }
}
