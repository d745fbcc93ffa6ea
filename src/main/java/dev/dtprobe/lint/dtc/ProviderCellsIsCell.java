package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;

/**
 * dtc's {@code X_is_cell} checks ({@code clocks_is_cell}: {@code #clock-cells} is one cell, ...):
 * one rule per line of {@link PhandleProvider#ALL}, each with its own id.
 */
public final class ProviderCellsIsCell extends SingleCellCheck {
    private final RuleInfo info;

    ProviderCellsIsCell(PhandleProvider provider) {
        super(provider.cellsProperty());
        String cells = provider.cellsProperty();
        this.info = DtcCheck.info(provider.isCellCheck(), RuleLevel.WARNING)
                .summary("'" + cells + "' is a single cell")
                .description("'" + cells + "' tells consumers of this provider how many argument cells follow "
                        + "its phandle in '" + provider.property() + "'; it must be exactly one cell.")
                .example("/ { provider { " + cells + " = <1 1>; }; };")
                .build();
    }

    @Override
    public RuleInfo info() {
        return info;
    }
}
