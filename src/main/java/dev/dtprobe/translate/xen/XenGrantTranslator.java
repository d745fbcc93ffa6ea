package dev.dtprobe.translate.xen;

import java.util.ArrayList;
import java.util.List;

/**
 * The backend side of Xen grant DMA: what the hypervisor checks when the backend domain maps or
 * copies through a grant DMA address of one guest. Routing is by the accessing (backend) domid;
 * the context is the guest's flat {@link GrantTable}; there is no page walk and no TLB.
 *
 * <p>{@link #translate} is the allocation-free hot path (non-negative = guest physical address,
 * negative = {@code -GrantFault.code()}); {@link #lookup} gives the same answer as a record. Neither
 * throws nor changes state. {@link #pin}/{@link #unpin} model a backend mapping held across the
 * access, which sets {@code GTF_reading}/{@code GTF_writing} so that a guest unmap fails.
 */
public final class XenGrantTranslator {
    private final GrantTable table;

    public XenGrantTranslator(GrantTable table) {
        this.table = table;
    }

    public GrantTable table() {
        return table;
    }

    /** Checks one access to the page named by {@code dma}; returns the PA or {@code -fault.code()}. */
    public long translate(int domid, long dma, Access access) {
        if (!GrantDmaAddress.isGrantAddress(dma)) {
            return -GrantFault.NOT_GRANT_ADDRESS.code();
        }
        long gref = GrantDmaAddress.gref(dma);
        if (gref < GrantTable.NR_RESERVED_ENTRIES) {
            return -GrantFault.RESERVED_GRANT_REF.code();
        }
        if (gref >= table.size()) {
            return -GrantFault.BAD_GRANT_REF.code();
        }
        long p = table.packed((int) gref);
        int flags = GrantEntry.flagsOf(p);
        if (GrantFlags.type(flags) != GrantFlags.GTF_PERMIT_ACCESS) {
            return -GrantFault.NOT_GRANTED.code();
        }
        if (GrantEntry.domidOf(p) != domid) {
            return -GrantFault.WRONG_DOMAIN.code();
        }
        if (access == Access.WRITE && (flags & GrantFlags.GTF_READONLY) != 0) {
            return -GrantFault.READ_ONLY_VIOLATION.code();
        }
        return GrantEntry.frameOf(p) << GrantDmaAddress.XEN_PAGE_SHIFT | GrantDmaAddress.offset(dma);
    }

    /** {@link #translate} as a record, with the Xen-style reason on a fault. */
    public GrantTranslation lookup(int domid, long dma, Access access) {
        long r = translate(domid, dma, access);
        long gref = GrantDmaAddress.gref(dma);
        int offset = GrantDmaAddress.offset(dma);
        if (r >= 0) {
            int flags = GrantEntry.flagsOf(table.packed((int) gref));
            int perm = GrantTranslation.PERM_READ
                    | ((flags & GrantFlags.GTF_READONLY) == 0 ? GrantTranslation.PERM_WRITE : 0);
            return new GrantTranslation.Ok(dma, r, perm, GrantDmaAddress.XEN_PAGE_SIZE, (int) gref, offset);
        }
        GrantFault kind = GrantFault.fromResult(r);
        return new GrantTranslation.Fault(dma, kind, gref, false, message(kind, domid, dma, gref));
    }

    /**
     * An access of {@code length} bytes starting at {@code dma}: one result per 4 KiB page touched.
     * Page k after the first uses {@code gref + k} at offset 0 and is checked on its own.
     */
    public List<GrantTranslation> lookupRange(int domid, long dma, long length, Access access) {
        if (length <= 0) {
            throw new IllegalArgumentException("length must be > 0: " + length);
        }
        List<GrantTranslation> out = new ArrayList<>();
        if (!GrantDmaAddress.isGrantAddress(dma)) {
            out.add(lookup(domid, dma, access));
            return out;
        }
        long gref = GrantDmaAddress.gref(dma);
        long offset = GrantDmaAddress.offset(dma);
        long pages = GrantDmaAddress.pfnUp(offset + length);
        for (long k = 0; k < pages; k++) {
            long pageDma = GrantDmaAddress.ADDR_OFF | ((gref + k) << GrantDmaAddress.XEN_PAGE_SHIFT)
                    | (k == 0 ? offset : 0);
            out.add(lookup(domid, pageDma, access));
        }
        return out;
    }

    /**
     * The backend maps the page behind {@code dma} and keeps it mapped (Xen {@code GNTTABOP_map_grant_ref}):
     * same checks as {@link #lookup}; on success {@code GTF_reading} is set, plus {@code GTF_writing}
     * for a write mapping, until {@link #unpin}.
     */
    public GrantTranslation pin(int domid, long dma, Access access) {
        GrantTranslation t = lookup(domid, dma, access);
        if (t instanceof GrantTranslation.Ok ok) {
            table.pin(ok.gref(), access == Access.WRITE);
        }
        return t;
    }

    /** Drops one mapping made by {@link #pin}; false if there was none of that kind. */
    public boolean unpin(long dma, Access access) {
        long gref = GrantDmaAddress.gref(dma);
        if (!GrantDmaAddress.isGrantAddress(dma) || gref > Integer.MAX_VALUE) {
            return false;
        }
        return table.unpin((int) gref, access == Access.WRITE);
    }

    private String message(GrantFault kind, int domid, long dma, long gref) {
        return switch (kind) {
            case NOT_GRANT_ADDRESS -> String.format("Not a grant address (bit 63 clear): %#x", dma);
            case RESERVED_GRANT_REF -> String.format("Reserved grant ref %#x", gref);
            case BAD_GRANT_REF -> String.format("Bad ref %#x for d%d", gref, table.guestDomid());
            case NOT_GRANTED, WRONG_DOMAIN -> {
                long p = table.packed((int) gref);
                yield String.format("Bad flags (%x) or dom (%d); expected d%d",
                        GrantEntry.flagsOf(p), GrantEntry.domidOf(p), domid);
            }
            case READ_ONLY_VIOLATION -> "Attempt to write-pin a r/o grant entry";
        };
    }
}
