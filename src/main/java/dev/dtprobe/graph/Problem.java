package dev.dtprobe.graph;

import dev.dtprobe.tree.Node;

/**
 * Why a phandle list stopped parsing at one entry. The kernel stops every list walk
 * ({@code of_iommu_configure}, fw_devlink) at the first such entry, so callers should too.
 *
 * @param kind     what went wrong
 * @param node     the node holding the list (the kernel's {@code it->parent})
 * @param property the list property
 * @param index    the entry index (0-based) that failed
 * @param message  the kernel's pr_err text after the {@code "%pOF: "} prefix, or null when the
 *                 kernel fails silently (empty entry, or an unknown phandle in a list without a
 *                 {@code #*-cells} property)
 */
public record Problem(Kind kind, Node node, String property, int index, String message) {

    public enum Kind {
        /** A phandle cell of 0: {@code -ENOENT}, no message. */
        EMPTY_ENTRY,
        /** No live node has the phandle ({@code "could not find phandle %d"}). */
        UNKNOWN_PHANDLE,
        /** The target lacks the cells property ({@code "could not get %s for %pOF"}). */
        MISSING_CELLS,
        /** The arguments overrun the property ({@code "%s = %d found %td"}). */
        TOO_FEW_CELLS
    }

    /** True when the kernel prints this at error level. */
    public boolean logged() {
        return message != null;
    }

    /** The full kernel log line ({@code "OF: /soc/mmc@2000: #iommu-cells = 2 found 1"}), or null. */
    public String logLine() {
        return message == null ? null : "OF: " + node.path() + ": " + message;
    }
}
