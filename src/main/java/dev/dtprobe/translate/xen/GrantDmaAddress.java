package dev.dtprobe.translate.xen;

/**
 * DMA address format of {@code drivers/xen/grant-dma-ops.c}: {@code 1<<63 | gref << 12 | offset}.
 * The top bit lets the backend tell a grant address from an MMIO or physical address.
 */
public final class GrantDmaAddress {
    /** {@code XEN_GRANT_DMA_ADDR_OFF}. */
    public static final long ADDR_OFF = 1L << 63;
    /** {@code XEN_PAGE_SHIFT}: Xen pages are 4 KiB whatever the kernel page size. */
    public static final int XEN_PAGE_SHIFT = 12;
    public static final long XEN_PAGE_SIZE = 1L << XEN_PAGE_SHIFT;
    public static final long XEN_PAGE_MASK = XEN_PAGE_SIZE - 1;
    /** {@code DMA_MAPPING_ERROR} ({@code ~(dma_addr_t)0}). */
    public static final long DMA_MAPPING_ERROR = ~0L;

    private GrantDmaAddress() {
    }

    /** {@code grant_to_dma(grant)}: the handle of the first byte of a granted page. */
    public static long grantToDma(long gref) {
        return ADDR_OFF | (gref << XEN_PAGE_SHIFT);
    }

    /** {@code grant_to_dma(gref) + offset}, as {@code xen_grant_dma_map_page} returns it. */
    public static long encode(long gref, long offsetInPage) {
        if (offsetInPage < 0 || offsetInPage > XEN_PAGE_MASK) {
            throw new IllegalArgumentException("offset not within a 4 KiB page: " + offsetInPage);
        }
        return grantToDma(gref) + offsetInPage;
    }

    /** True when bit 63 is set. */
    public static boolean isGrantAddress(long dma) {
        return (dma & ADDR_OFF) != 0;
    }

    /**
     * The grant reference as the backend decodes it: {@code (dma & ~(1<<63)) >> 12}, all 51 bits,
     * so that an out-of-range value is seen as such rather than wrapped.
     */
    public static long gref(long dma) {
        return (dma & ~ADDR_OFF) >>> XEN_PAGE_SHIFT;
    }

    /**
     * {@code dma_to_grant(dma)} exactly as the guest driver computes it, including the cast to the
     * 32-bit {@code grant_ref_t} (address bits 44..62 are dropped).
     */
    public static int dmaToGrant(long dma) {
        return (int) ((dma & ~ADDR_OFF) >>> XEN_PAGE_SHIFT);
    }

    /** {@code xen_offset_in_page(dma)}. */
    public static int offset(long dma) {
        return (int) (dma & XEN_PAGE_MASK);
    }

    /** {@code XEN_PFN_UP(x)}: number of 4 KiB pages covering x bytes. */
    public static long pfnUp(long bytes) {
        return (bytes + XEN_PAGE_MASK) >>> XEN_PAGE_SHIFT;
    }
}
