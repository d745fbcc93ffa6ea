package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;

/** dtc's {@code unique_unit_address_if_enabled} (off by default): as unique-unit-address, among enabled nodes. */
public final class UniqueUnitAddressIfEnabled extends LintRule {
    static final RuleInfo INFO = RuleInfo.builder("unique-unit-address-if-enabled", RuleLevel.OFF,
                    RuleCategory.DTC)
            .summary("No two enabled children of a bus node share a unit address")
            .description("The unique-unit-address test ignoring children with status = \"disabled\", for "
                    + "boards that describe alternative devices at one address and enable one of them. "
                    + "Off by default, as in dtc.")
            .example("/ { #address-cells = <1>; #size-cells = <1>;\n"
                    + "    serial@1000 { reg = <0x1000 0x100>; };\n    timer@1000 { reg = <0x1000 0x100>; };\n};")
            .aliases("unique_unit_address_if_enabled")
            .prerequisites("avoid-default-addr-size")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        UnitAddressCollisions.check(node, ctx, true);
    }
}
