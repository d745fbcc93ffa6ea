package dev.dtprobe.translate.xen;

import static dev.dtprobe.translate.xen.GrantDmaAddress.DMA_MAPPING_ERROR;
import static dev.dtprobe.translate.xen.GrantDmaAddress.XEN_PAGE_MASK;
import static dev.dtprobe.translate.xen.GrantDmaAddress.XEN_PAGE_SHIFT;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The guest side of one device using {@code xen_grant_dma_ops}: its {@code xen_grant_dma_data}
 * (backend domid and the "broken" latch) and the map/unmap/alloc/free operations of
 * {@code drivers/xen/grant-dma-ops.c}, acting on the guest's {@link GrantTable}.
 *
 * <p>Buffers are given by guest physical address; GFN = PFN (auto-translated guest, as on Arm).
 */
public final class XenGrantDma {
    /** The {@code dev_alert} text of an unmap/free that finds a grant still mapped by the backend. */
    public static final String STILL_IN_USE_ALERT =
            "Grant still in use by backend domain, disabled for further use";

    private final String deviceName;
    private final GrantTable table;
    private final int backendDomid;
    private boolean broken;
    private final List<String> log = new ArrayList<>();

    /**
     * @param backendDomid the domain running the backend: the {@code iommus = <&xen_grant_dma DOMID>}
     *                     cell, or 0 for the non-DT "Using dom0 as backend" case
     */
    public XenGrantDma(String deviceName, GrantTable table, int backendDomid) {
        if (backendDomid < 0 || backendDomid > 0xffff) {
            throw new IllegalArgumentException("domid out of range: " + backendDomid);
        }
        this.deviceName = deviceName;
        this.table = table;
        this.backendDomid = backendDomid;
    }

    public String deviceName() {
        return deviceName;
    }

    public GrantTable table() {
        return table;
    }

    public int backendDomid() {
        return backendDomid;
    }

    /** Set once an unmap or free found a grant still in use; every later operation then fails. */
    public boolean broken() {
        return broken;
    }

    /** Device log lines ({@code dev_alert}, {@code WARN_ON}), oldest first. */
    public List<String> log() {
        return Collections.unmodifiableList(log);
    }

    /** {@code xen_grant_dma_supported}: only a 64-bit mask. */
    public static boolean dmaSupported(long mask) {
        return mask == ~0L;
    }

    /**
     * {@code xen_grant_dma_map_page}: grants the {@code n = XEN_PFN_UP(offset_in_page + size)} pages
     * covering the buffer on consecutive refs to the backend, read-only for {@code TO_DEVICE}, and
     * returns {@code grant_to_dma(first) + offset_in_page}; or {@link GrantDmaAddress#DMA_MAPPING_ERROR}
     * for {@code NONE}, a broken device, or no free run of refs.
     */
    public long map(long paddr, long size, DmaDirection dir) {
        if (size <= 0) {
            throw new IllegalArgumentException("size must be > 0: " + size);
        }
        if (dir == DmaDirection.NONE) {
            log.add(deviceName + ": WARNING: dir == DMA_NONE");
            return DMA_MAPPING_ERROR;
        }
        if (broken) {
            return DMA_MAPPING_ERROR;
        }
        long dmaOffset = paddr & XEN_PAGE_MASK;
        int n = pages(dmaOffset + size);
        int grant = table.allocSeq(n);
        if (grant < 0) {
            return DMA_MAPPING_ERROR;
        }
        long gfn = paddr >>> XEN_PAGE_SHIFT;
        for (int i = 0; i < n; i++) {
            table.grantForeignAccess(grant + i, backendDomid, gfn + i, dir == DmaDirection.TO_DEVICE);
        }
        return GrantDmaAddress.grantToDma(grant) + dmaOffset;
    }

    /**
     * {@code xen_grant_dma_unmap_page}: ends foreign access on each ref of the run. If one is still
     * mapped by the backend the device is marked broken, the alert is logged and nothing is freed
     * (refs already ended stay allocated: leaked). Otherwise the run is freed. Returns false when the
     * grants could not all be ended or the call was ignored (NONE, already broken).
     */
    public boolean unmap(long dma, long size, DmaDirection dir) {
        if (dir == DmaDirection.NONE) {
            log.add(deviceName + ": WARNING: dir == DMA_NONE");
            return false;
        }
        return endAndFree(dma, pages(GrantDmaAddress.offset(dma) + size));
    }

    /**
     * {@code xen_grant_dma_alloc} for a buffer at page-aligned {@code paddr} (the page allocation
     * itself is not modelled): {@code XEN_PFN_UP(size)} consecutive refs, all writable. Returns the
     * handle, or {@code DMA_MAPPING_ERROR} where Linux returns NULL (broken device, no refs); callers
     * such as virtio ring setup report that NULL as -ENOMEM.
     */
    public long alloc(long paddr, long size) {
        if (size <= 0) {
            throw new IllegalArgumentException("size must be > 0: " + size);
        }
        if ((paddr & XEN_PAGE_MASK) != 0) {
            throw new IllegalArgumentException("coherent buffer must be page aligned: 0x" + Long.toHexString(paddr));
        }
        if (broken) {
            return DMA_MAPPING_ERROR;
        }
        int n = pages(size);
        int grant = table.allocSeq(n);
        if (grant < 0) {
            return DMA_MAPPING_ERROR;
        }
        long gfn = paddr >>> XEN_PAGE_SHIFT;
        for (int i = 0; i < n; i++) {
            table.grantForeignAccess(grant + i, backendDomid, gfn + i, false);
        }
        return GrantDmaAddress.grantToDma(grant);
    }

    /** {@code xen_grant_dma_free}: same end-then-free (or break) logic as {@link #unmap}. */
    public boolean free(long dma, long size) {
        return endAndFree(dma, pages(size));
    }

    private boolean endAndFree(long dma, int n) {
        if (broken) {
            return false;
        }
        int grant = GrantDmaAddress.dmaToGrant(dma);
        for (int i = 0; i < n; i++) {
            if (!table.endForeignAccess(grant + i)) {
                log.add(deviceName + ": " + STILL_IN_USE_ALERT);
                broken = true;
                return false;
            }
        }
        table.freeSeq(grant, n);
        return true;
    }

    private static int pages(long bytes) {
        long n = GrantDmaAddress.pfnUp(bytes);
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("buffer too large: " + bytes);
        }
        return (int) n;
    }
}
