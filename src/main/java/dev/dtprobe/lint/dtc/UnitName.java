package dev.dtprobe.lint.dtc;

import dev.dtprobe.tree.Node;

/** dtc's {@code get_unitname}: the text after the first {@code @}, or "" when there is none. */
final class UnitName {
    private UnitName() {
    }

    static String of(Node node) {
        String unit = node.unitAddress();
        return unit == null ? "" : unit;
    }

    /** The {@code n}th cell of a value, or 0 past its end (dtc reads past short values; we don't). */
    static long cellOrZero(dev.dtprobe.tree.PropertyValue value, int n) {
        int offset = n * 4;
        return offset + 4 <= value.length() ? value.cellAt(offset) : 0;
    }
}
