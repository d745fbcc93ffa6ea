package dev.dtprobe.translate.ipmmu;

import dev.dtprobe.translate.pgtable.CachedTranslator;
import dev.dtprobe.kernel.Errno;
import dev.dtprobe.translate.pgtable.LpaeConfig;
import dev.dtprobe.translate.pgtable.LpaePageTable;
import dev.dtprobe.translate.pgtable.TlbOps;

/**
 * {@code struct ipmmu_vmsa_domain}: bound to one leaf IPMMU on its first attach, which allocates a
 * context in the root and an ARM_32_LPAE_S1 page table (IAS 32, OAS 40, 4K|2M|1G, 3 levels from
 * level 1). TLB maintenance is whole-context only: {@code tlb_flush_all}, {@code tlb_flush_walk}
 * and {@code iotlb_sync} all set IMCTR.FLUSH; {@code tlb_add_page} is not provided.
 */
public final class IpmmuDomain {
    /** ARM_32_LPAE_S1 as ipmmu_domain_init_context configures it. */
    public static final LpaeConfig PGTABLE = LpaeConfig.stage1(4096, 32, 40);
    /** The domain aperture: [0, 2^32). */
    public static final long APERTURE_END = 1L << 32;
    /** io-pgtable-arm's MAIR: NC 0x44, WBRWA 0xff, DEVICE 0x04, INC_OWBRWA 0xf4 at indices 0..3. */
    public static final int MAIR = 0xf404ff44;

    private Ipmmu mmu;
    private int contextId = -1;
    private LpaePageTable table;
    private CachedTranslator translator;
    private long flushes;

    /** An unmanaged domain ({@code ipmmu_domain_alloc}); default domains come from {@link Ipmmu#defaultDomain}. */
    public IpmmuDomain() {}

    /** The leaf IPMMU this domain is bound to, or null before the first successful attach. */
    public Ipmmu mmu() { return mmu; }

    /** The root context, or -1 before the first successful attach. */
    public int contextId() { return contextId; }

    /** The page table, or null before the first successful attach. */
    public LpaePageTable pageTable() { return table; }

    CachedTranslator translator() { return translator; }

    /** Whole-context flushes done (IMCTR.FLUSH writes), setup included. */
    public long flushCount() { return flushes; }

    void tlbFlushed() {
        flushes++;
        if (translator != null) translator.tlbiContext();
    }

    /**
     * {@code ipmmu_attach_device} for a master wired to {@code utlbs} of {@code leaf}: 0, or
     * -EBUSY when the root has no free context, -EINVAL when the domain is on another IPMMU ("Can't
     * attach IPMMU %s to domain on IPMMU %s") or a uTLB number is out of range, -ENODEV when leaf is
     * a Gen3/Gen4 root (no masters behind it). On success each uTLB gets IMUCTR = TTSEL(ctx) |
     * FLUSH | MMUEN.
     */
    public int attach(String dev, Ipmmu leaf, int... utlbs) {
        if (!leaf.registersWithIommuCore()) return -Errno.ENODEV;
        for (int u : utlbs) if (!leaf.utlbInRange(u)) return -Errno.EINVAL;
        if (mmu == null) {
            mmu = leaf;
            int rc = initContext();
            if (rc < 0) {
                leaf.log(dev + ": Unable to initialize IPMMU context");
                mmu = null;
                return rc;
            }
            leaf.log(dev + ": Using IPMMU context " + contextId);
        } else if (mmu != leaf) {
            leaf.log(dev + ": Can't attach IPMMU " + leaf.name() + " to domain on IPMMU " + mmu.name());
            return -Errno.EINVAL;
        } else {
            leaf.log(dev + ": Reusing IPMMU context " + contextId);
        }
        for (int u : utlbs) leaf.utlbEnable(u, contextId);
        return 0;
    }

    /** {@code ipmmu_domain_init_context}. */
    private int initContext() {
        Ipmmu root = mmu.rootInstance();
        int ctx = root.allocateContext(this);
        if (ctx < 0) return ctx;
        contextId = ctx;
        table = new LpaePageTable(PGTABLE);
        translator = new CachedTranslator(table, mmu.tlb(), ctx, 0, false);
        translator.tlbiContext(); // a context id reused on this leaf starts clean
        table.setTlbOps(new TlbOps() {
            @Override public void flushWalk(long iova, long size, long granule) { flushAll(); }
            @Override public void addPage(long iova, long granule) {} // no tlb_add_page in ipmmu_flush_ops
        });
        root.setupContext(ctx, table.pgdAddress(), MAIR);
        root.writeImctrAll(mmu, ctx, Ipmmu.IMCTR_INTEN | Ipmmu.IMCTR_FLUSH | Ipmmu.IMCTR_MMUEN, this);
        return 0;
    }

    /** {@code ipmmu_tlb_flush_all} / {@code ipmmu_iotlb_sync}: IMCTR |= FLUSH on the context. */
    public void flushAll() {
        if (mmu == null) return;
        Ipmmu root = mmu.rootInstance();
        root.writeImctrAll(mmu, contextId, root.imctr(contextId) | Ipmmu.IMCTR_FLUSH, this);
    }

    /** {@code iommu_map} through {@code ipmmu_map}: -ENODEV before the first attach. */
    public int map(long iova, long pa, long size, int prot) {
        if (table == null) return -Errno.ENODEV;
        return table.map(iova, pa, size, prot);
    }

    /** {@code iommu_unmap}: the page-table unmap, then {@code iotlb_sync} (whole-context flush). */
    public long unmap(long iova, long size) {
        if (table == null) return 0;
        long n = table.unmap(iova, size);
        flushAll();
        return n;
    }

    /** {@code ipmmu_iova_to_phys}: 0 when not mapped. */
    public long iovaToPhys(long iova) { return table == null ? 0 : table.iovaToPhys(iova); }

    /**
     * {@code ipmmu_domain_free} → {@code ipmmu_domain_destroy_context}: IMCTR = 0 on leaf and
     * root, flush, free the context. The domain can be attached again afterwards.
     */
    public void free() {
        if (mmu == null) return;
        Ipmmu root = mmu.rootInstance();
        root.writeImctrAll(mmu, contextId, Ipmmu.IMCTR_FLUSH, this); // IMCTR = 0, then tlb sync
        root.freeContext(contextId);
        mmu = null;
        contextId = -1;
        table = null;
        translator = null;
    }
}
