package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;

/**
 * dtc's {@code addr_size_cells}: a fix-up, not a test. It reports nothing; the cell counts it
 * caches in dtc are {@link AddressCells} here. It exists as a rule because other checks name it
 * as their prerequisite (so a bad {@code #address-cells} silences them, as in dtc).
 */
public final class AddrSizeCells extends LintRule {
    static final RuleInfo INFO = RuleInfo.builder("addr-size-cells", RuleLevel.WARNING, RuleCategory.DTC)
            .summary("Reads each node's #address-cells and #size-cells (defaults 2 and 1) for the address checks")
            .description("dtc's addr_size_cells fix-up. It never reports anything itself; the reg, ranges and bus "
                    + "checks depend on it, so they do not run when #address-cells or #size-cells is not a "
                    + "single cell. A node without #address-cells gives its children 2 address cells, one "
                    + "without #size-cells 1 size cell.")
            .example("/ { #address-cells = <1>; #size-cells = <1>; soc { reg = <0 0x1000>; }; };")
            .aliases("addr_size_cells")
            .prerequisites("address-cells-is-cell", "size-cells-is-cell")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }
}
