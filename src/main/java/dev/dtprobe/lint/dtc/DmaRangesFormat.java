package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;

/** dtc's {@code dma_ranges_format}: the ranges_format test applied to {@code dma-ranges}. */
public final class DmaRangesFormat extends LintRule {
    static final RuleInfo INFO = RuleInfo.builder("dma-ranges-format", RuleLevel.WARNING, RuleCategory.DTC)
            .summary("dma-ranges is not on the root and is a whole number of (child, parent, size) entries")
            .description("The same test as ranges-format for dma-ranges: a non-empty value must be a multiple "
                    + "of (parent #address-cells + #address-cells + #size-cells) x 4 bytes; an empty one "
                    + "needs the node's cell counts to equal its parent's.")
            .example("/ { #address-cells = <1>; #size-cells = <1>;\n"
                    + "    soc { #address-cells = <2>; #size-cells = <2>; dma-ranges; };\n};")
            .aliases("dma_ranges_format")
            .prerequisites("addr-size-cells")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        RangesLengthCheck.check(node, "dma-ranges", ctx);
    }
}
