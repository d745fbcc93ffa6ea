package dev.dtprobe.lint.dtc;

import dev.dtprobe.tree.PropertyValue;

/** Reading cells the way the checks need them when a value may be short. */
final class Cells {
    private Cells() {
    }

    /**
     * The {@code n}th 32-bit cell, or 0 past the end. dtc reads past short values (undefined
     * data); a short reg or bus-range fails reg_format or pci_bridge, prerequisites that make the
     * finding not count, so only a short ranges under a simple-bus can differ from dtc.
     */
    static long atOrZero(PropertyValue value, int n) {
        int offset = n * 4;
        return offset + 4 <= value.length() ? value.cellAt(offset) : 0;
    }
}
