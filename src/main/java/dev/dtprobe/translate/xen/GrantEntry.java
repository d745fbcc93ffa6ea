package dev.dtprobe.translate.xen;

/**
 * A snapshot of one {@code grant_entry_v1} (8 bytes: flags u16, domid u16, frame u32) plus the
 * guest allocator's view of the reference.
 *
 * @param ref       the grant reference
 * @param flags     the entry's flags ({@link GrantFlags})
 * @param domid     the domain allowed to access the frame (the backend)
 * @param frame     the guest frame number (GFN, 4 KiB Xen pages)
 * @param allocated whether the guest's allocator has handed this ref out (not on the free list)
 */
public record GrantEntry(int ref, int flags, int domid, long frame, boolean allocated) {

    /** Packs flags, domid and frame into one long: {@code flags | domid << 16 | frame << 32}. */
    public static long pack(int flags, int domid, long frame) {
        return (flags & 0xffffL) | (domid & 0xffffL) << 16 | (frame & 0xffff_ffffL) << 32;
    }

    static int flagsOf(long packed) {
        return (int) (packed & 0xffff);
    }

    static int domidOf(long packed) {
        return (int) ((packed >>> 16) & 0xffff);
    }

    static long frameOf(long packed) {
        return packed >>> 32;
    }

    public int type() {
        return GrantFlags.type(flags);
    }

    /** The entry is a live {@code GTF_permit_access} grant (not invalid, not ended). */
    public boolean granted() {
        return type() == GrantFlags.GTF_PERMIT_ACCESS;
    }

    public boolean readOnly() {
        return (flags & GrantFlags.GTF_READONLY) != 0;
    }

    /** The backend has the frame mapped right now (reading or writing set by Xen). */
    public boolean inUse() {
        return GrantFlags.inUse(flags);
    }

    /** Allocated by the guest but no longer granted: {@code gnttab_end_foreign_access_ref} succeeded. */
    public boolean ended() {
        return allocated && type() == GrantFlags.GTF_INVALID;
    }

    public long packed() {
        return pack(flags, domid, frame);
    }
}
