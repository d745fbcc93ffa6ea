package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;

/** dtc's {@code size_cells_is_cell}: {@code #size-cells} is one cell. */
public final class SizeCellsIsCell extends SingleCellCheck {
    static final RuleInfo INFO = DtcCheck.info("size_cells_is_cell", RuleLevel.WARNING)
            .summary("'#size-cells' is a single cell")
            .description("'#size-cells' gives the number of cells of a child's size in 'reg' and 'ranges'."
                    + " Its value must be exactly one 32-bit cell; dtc reads only that cell.")
            .example("/ { bus { #size-cells = [00]; }; };")
            .build();

    public SizeCellsIsCell() {
        super("#size-cells");
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }
}
