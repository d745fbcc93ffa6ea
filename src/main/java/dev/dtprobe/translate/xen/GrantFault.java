package dev.dtprobe.translate.xen;

/**
 * Why the backend's access through a grant DMA address was refused. In the common translator
 * abstraction these are all sub-kinds of the "grant denied" fault.
 */
public enum GrantFault {
    /** Bit 63 clear: an MMIO or physical address, not a grant address. */
    NOT_GRANT_ADDRESS(1),
    /** gref 0..7 ({@code GNTTAB_NR_RESERVED_ENTRIES}): never used for DMA. */
    RESERVED_GRANT_REF(2),
    /** gref at or beyond the guest's current table size (Xen: "Bad ref"). */
    BAD_GRANT_REF(3),
    /** Entry type is not {@code GTF_permit_access}: never granted, or already ended by the guest. */
    NOT_GRANTED(4),
    /** Entry granted to a different domain than the one accessing. */
    WRONG_DOMAIN(5),
    /** Write access to a {@code GTF_readonly} grant (Xen: "Attempt to write-pin a r/o grant entry"). */
    READ_ONLY_VIOLATION(6);

    private final int code;

    GrantFault(int code) {
        this.code = code;
    }

    /** Positive code; {@link XenGrantTranslator#translate} returns its negation. */
    public int code() {
        return code;
    }

    /** The fault whose code is {@code -encoded}, for a negative result of {@code translate}. */
    public static GrantFault fromResult(long encoded) {
        if (encoded >= 0) {
            throw new IllegalArgumentException("not a fault result: " + encoded);
        }
        int c = (int) -encoded;
        for (GrantFault f : values()) {
            if (f.code == c) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown fault code: " + c);
    }
}
