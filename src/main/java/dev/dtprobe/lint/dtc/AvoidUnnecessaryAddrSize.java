package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;

/**
 * dtc 1.6.1's {@code avoid_unnecessary_addr_size}: cell counts that nothing uses. (dtc 1.7
 * also accepts {@code dma-ranges} as a use; 1.6.1, our oracle, does not.)
 */
public final class AvoidUnnecessaryAddrSize extends LintRule {
    static final RuleInfo INFO = RuleInfo.builder("avoid-unnecessary-addr-size", RuleLevel.WARNING,
                    RuleCategory.DTC)
            .summary("#address-cells/#size-cells only where ranges or a child's reg uses them")
            .description("A non-root node with children that declares both #address-cells and #size-cells but "
                    + "has no ranges and no child with reg does not need them.")
            .example("/ { #address-cells = <1>; #size-cells = <1>;\n"
                    + "    leds { #address-cells = <1>; #size-cells = <0>; led0 { label = \"a\"; }; };\n};")
            .aliases("avoid_unnecessary_addr_size")
            .prerequisites("avoid-default-addr-size")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        AddressCells cells = AddressCells.of(ctx);
        if (node.isRoot() || cells.declaredAddressCells(node) < 0 || cells.declaredSizeCells(node) < 0) {
            return;
        }
        if (node.property("ranges") != null || node.children().isEmpty()) {
            return;
        }
        for (Node child : node.liveChildren()) {
            if (child.property("reg") != null) {
                return;
            }
        }
        ctx.report(node, "unnecessary #address-cells/#size-cells without \"ranges\" or child \"reg\" property");
    }
}
