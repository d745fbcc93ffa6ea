package dev.dtprobe.translate.xen;

/**
 * Flag bits of a v1 grant entry ({@code grant_entry_v1.flags}, Xen public {@code grant_table.h}).
 * Bits [1:0] are the entry type; the others are sub-flags.
 */
public final class GrantFlags {
    /** Type: entry unused; the backend may not map it. */
    public static final int GTF_INVALID = 0;
    /** Type: the domain named in the entry may map or copy the frame. */
    public static final int GTF_PERMIT_ACCESS = 1;
    /** Type: the guest accepts a page transfer into this slot. */
    public static final int GTF_ACCEPT_TRANSFER = 2;
    /** Type: transitive grant (v2 only in practice). */
    public static final int GTF_TRANSITIVE = 3;
    public static final int GTF_TYPE_MASK = 3;
    /** Set by the guest: the backend may only read. */
    public static final int GTF_READONLY = 1 << 2;
    /** Set by Xen while the backend has the frame mapped (any pin). */
    public static final int GTF_READING = 1 << 3;
    /** Set by Xen while the backend has the frame mapped writable. */
    public static final int GTF_WRITING = 1 << 4;
    public static final int GTF_PWT = 1 << 5;
    public static final int GTF_PCD = 1 << 6;
    public static final int GTF_PAT = 1 << 7;
    public static final int GTF_SUB_PAGE = 1 << 8;

    private GrantFlags() {
    }

    public static int type(int flags) {
        return flags & GTF_TYPE_MASK;
    }

    /** True when the backend still has the grant mapped ({@code GTF_reading | GTF_writing}). */
    public static boolean inUse(int flags) {
        return (flags & (GTF_READING | GTF_WRITING)) != 0;
    }
}
