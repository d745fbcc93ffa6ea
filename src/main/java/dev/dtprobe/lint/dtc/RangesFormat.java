package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;

/** dtc's {@code ranges_format}. */
public final class RangesFormat extends LintRule {
    static final RuleInfo INFO = RuleInfo.builder("ranges-format", RuleLevel.WARNING, RuleCategory.DTC)
            .summary("ranges is not on the root and is a whole number of (child, parent, size) entries")
            .description("A non-empty ranges property must be a multiple of (parent #address-cells + "
                    + "#address-cells + #size-cells) x 4 bytes. An empty ranges (identity mapping) is only "
                    + "right when the node's #address-cells and #size-cells equal its parent's. The root "
                    + "node must not have ranges.")
            .example("/ { #address-cells = <1>; #size-cells = <1>;\n"
                    + "    soc { #address-cells = <2>; #size-cells = <1>; ranges; };\n};")
            .aliases("ranges_format")
            .prerequisites("addr-size-cells")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        RangesLengthCheck.check(node, "ranges", ctx);
    }
}
