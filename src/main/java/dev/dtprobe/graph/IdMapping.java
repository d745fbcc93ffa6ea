package dev.dtprobe.graph;

import dev.dtprobe.tree.Node;

/**
 * The result of {@code of_map_id} for one input ID.
 *
 * @param kind    what happened
 * @param target  the node the ID maps to (MAPPED only)
 * @param id      the output ID: mapped for MAPPED, the input ID passed through for
 *                NO_MAP_PROPERTY and NO_TRANSLATION, otherwise the input ID
 * @param logLine the kernel's log line (info for NO_TRANSLATION, error for BAD_LENGTH and
 *                MASK_IGNORES_BASE), null otherwise
 */
public record IdMapping(Kind kind, Node target, long id, String logLine) {

    public enum Kind {
        /** No map property: -ENODEV when a target is wanted (IOMMU case), identity for MSI. */
        NO_MAP_PROPERTY,
        /** An entry matched; {@code target} and {@code id} are set. */
        MAPPED,
        /** Map present, no entry matched: the ID passes through with no target (0 returned). */
        NO_TRANSLATION,
        /** The matching entry's phandle names no node: -ENODEV, no message. */
        TARGET_NOT_FOUND,
        /** Property length 0 or not a multiple of 4 cells: -EINVAL. */
        BAD_LENGTH,
        /** An entry's id-base has bits outside the mask: -EFAULT. */
        MASK_IGNORES_BASE
    }

    public boolean isError() {
        return kind == Kind.TARGET_NOT_FOUND || kind == Kind.BAD_LENGTH || kind == Kind.MASK_IGNORES_BASE;
    }
}
