package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;

/** dtc's {@code address_cells_is_cell}: {@code #address-cells} is one cell. */
public final class AddressCellsIsCell extends SingleCellCheck {
    static final RuleInfo INFO = DtcCheck.info("address_cells_is_cell", RuleLevel.WARNING)
            .summary("'#address-cells' is a single cell")
            .description("'#address-cells' gives the number of cells of a child's address in 'reg' and 'ranges'."
                    + " Its value must be exactly one 32-bit cell; dtc reads only that cell.")
            .example("/ { bus { #address-cells = <1 1>; }; };")
            .build();

    public AddressCellsIsCell() {
        super("#address-cells");
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }
}
