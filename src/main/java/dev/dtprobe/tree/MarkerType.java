package dev.dtprobe.tree;

/** What a {@link Marker} inside a property value records; mirrors dtc's {@code enum markertype}. */
public enum MarkerType {
    /** A {@code <&ref>} cell: 4 placeholder bytes patched with the target's phandle. */
    REF_PHANDLE,
    /** A {@code &ref} outside cells: the target's full path is spliced in at this offset. */
    REF_PATH,
    /** A label on a position inside the value ({@code reg = l: <1 m: 2>;}). */
    LABEL,
    /** Type hints: where a chunk of the given element type starts (used for DTS output). */
    TYPE_UINT8,
    TYPE_UINT16,
    TYPE_UINT32,
    TYPE_UINT64,
    TYPE_STRING;

    public boolean isTypeHint() {
        return ordinal() >= TYPE_UINT8.ordinal();
    }

    /** Element width in bytes of a cell-array type hint; 0 for anything else. */
    public int elementSize() {
        return switch (this) {
            case TYPE_UINT8 -> 1;
            case TYPE_UINT16 -> 2;
            case TYPE_UINT32 -> 4;
            case TYPE_UINT64 -> 8;
            default -> 0;
        };
    }

    public static MarkerType forBits(int bits) {
        return switch (bits) {
            case 8 -> TYPE_UINT8;
            case 16 -> TYPE_UINT16;
            case 32 -> TYPE_UINT32;
            case 64 -> TYPE_UINT64;
            default -> throw new IllegalArgumentException("bits " + bits);
        };
    }
}
