package dev.dtprobe.iommu;

import dev.dtprobe.translate.xen.Access;
import dev.dtprobe.translate.xen.DmaDirection;
import dev.dtprobe.translate.xen.GrantTable;
import dev.dtprobe.translate.xen.GrantTranslation;
import dev.dtprobe.translate.xen.XenGrantDma;
import dev.dtprobe.translate.xen.XenGrantTranslator;
import java.util.Locale;

/**
 * DMA of a device with Xen grant DMA ops (§7 of kernel-semantics.md): mapping a buffer grants
 * its pages to the backend domain and yields a grant DMA address; a transaction is the backend
 * using that address, checked against the guest's grant table.
 */
public final class XenGrantPort implements DmaPort {
    private final XenGrantDma guest;
    private final XenGrantTranslator backend;
    private final int domid;
    private long lastDma = -1;

    public XenGrantPort(String deviceName, int backendDomid) {
        GrantTable table = new GrantTable(1, 32);
        this.guest = new XenGrantDma(deviceName, table, backendDomid);
        this.backend = new XenGrantTranslator(table);
        this.domid = backendDomid;
    }

    /** The grant DMA address of the last successful {@link #map}, or -1. */
    public long lastDmaAddress() {
        return lastDma;
    }

    /** Grant DMA picks the DMA address itself; {@code iova} is ignored and the address reported. */
    @Override
    public int map(long iova, long pa, long size, boolean read, boolean write) {
        DmaDirection dir = read && write ? DmaDirection.BIDIRECTIONAL : write ? DmaDirection.FROM_DEVICE
                : DmaDirection.TO_DEVICE;
        long dma = guest.map(pa, size, dir);
        if (dma == -1L) {
            return -12;
        }
        lastDma = dma;
        return 0;
    }

    @Override
    public long unmap(long iova, long size) {
        return guest.unmap(iova, size, DmaDirection.BIDIRECTIONAL) ? size : 0;
    }

    @Override
    public DmaResult translate(long iova, boolean write) {
        GrantTranslation t = backend.lookup(domid, iova, write ? Access.WRITE : Access.READ);
        return DmaResult.of(t, () -> {
            GrantTranslation.Fault f = (GrantTranslation.Fault) t;
            return String.format(Locale.ROOT, "grant denied (%s), grant ref 0x%x: %s", f.kind(), f.gref(), f.message());
        });
    }

    @Override
    public String describe() {
        return "Xen grant DMA, backend domain " + domid;
    }
}
