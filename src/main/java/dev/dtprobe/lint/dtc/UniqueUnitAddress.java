package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;

/** dtc's {@code unique_unit_address}: siblings do not share a unit address. */
public final class UniqueUnitAddress extends LintRule {
    static final RuleInfo INFO = RuleInfo.builder("unique-unit-address", RuleLevel.WARNING, RuleCategory.DTC)
            .summary("No two children of a bus node share a unit address")
            .description("Among the children of a node that declares #address-cells and #size-cells, unit "
                    + "addresses must be unique (different base names do not help: serial@1000 and "
                    + "timer@1000 collide). Each earlier child is reported once for every later child "
                    + "with its address.")
            .example("/ { #address-cells = <1>; #size-cells = <1>;\n"
                    + "    serial@1000 { reg = <0x1000 0x100>; };\n    timer@1000 { reg = <0x1000 0x100>; };\n};")
            .aliases("unique_unit_address")
            .prerequisites("avoid-default-addr-size")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        UnitAddressCollisions.check(node, ctx, false);
    }
}
