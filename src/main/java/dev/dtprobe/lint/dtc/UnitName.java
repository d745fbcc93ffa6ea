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
}
