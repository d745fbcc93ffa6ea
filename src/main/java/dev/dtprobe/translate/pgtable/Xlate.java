package dev.dtprobe.translate.pgtable;

/**
 * Encoding of a lookup result in one {@code long}, so that lookups allocate nothing and never
 * throw (translators.md §7.3 item 5).
 *
 * <p>OK results are non-negative:
 * <pre>
 *   bits [51:0]  output address (PA, or IPA for a stage-1-only lookup)
 *   bits [57:52] log2 of the size of the mapping that hit (12 = 4K, 21 = 2M, 30 = 1G, ...)
 *   bits [60:58] effective permissions ({@link #R} | {@link #W} | {@link #X})
 *   bits [62:61] level of the leaf descriptor (0..3)
 *   bit  63      0
 * </pre>
 * Faults are negative: bit 63 set, bits [7:0] the fault kind (the SMMUv3 event number,
 * {@link #F_TRANSLATION} etc.), bits [11:8] the level at which the walk stopped.
 */
public final class Xlate {
    private Xlate() {}

    /** Access / permission bits. */
    public static final int R = 1, W = 2, X = 4;

    /** Fault kinds, numbered as the SMMUv3 event IDs (translators.md §2.6). */
    public static final int F_WALK_EABT = 0x0b, F_TRANSLATION = 0x10, F_ADDR_SIZE = 0x11,
            F_ACCESS = 0x12, F_PERMISSION = 0x13;

    static final long PA_MASK = (1L << 52) - 1;

    public static long ok(long pa, int sizeShift, int perm, int level) {
        return pa | (long) sizeShift << 52 | (long) perm << 58 | (long) level << 61;
    }

    public static long fault(int kind, int level) {
        return Long.MIN_VALUE | (long) level << 8 | kind;
    }

    public static boolean isFault(long r) { return r < 0; }

    public static long pa(long r) { return r & PA_MASK; }

    public static int sizeShift(long r) { return (int) (r >>> 52) & 0x3f; }

    public static long mappingSize(long r) { return 1L << sizeShift(r); }

    public static int perm(long r) { return (int) (r >>> 58) & 7; }

    /** Leaf level for OK results, fault level for faults. */
    public static int level(long r) { return r < 0 ? (int) (r >>> 8) & 0xf : (int) (r >>> 61) & 3; }

    public static int faultKind(long r) { return (int) r & 0xff; }

    public static String faultName(int kind) {
        return switch (kind) {
            case F_WALK_EABT -> "F_WALK_EABT";
            case F_TRANSLATION -> "F_TRANSLATION";
            case F_ADDR_SIZE -> "F_ADDR_SIZE";
            case F_ACCESS -> "F_ACCESS";
            case F_PERMISSION -> "F_PERMISSION";
            default -> "fault 0x" + Integer.toHexString(kind);
        };
    }

    /** Readable form, for tests and diagnostics (allocates; not for the hot path). */
    public static String toString(long r) {
        if (r < 0) return faultName(faultKind(r)) + "@L" + level(r);
        int p = perm(r);
        return String.format("OK pa=0x%x size=2^%d perm=%s%s%s L%d", pa(r), sizeShift(r),
                (p & R) != 0 ? "r" : "-", (p & W) != 0 ? "w" : "-", (p & X) != 0 ? "x" : "-", level(r));
    }
}
