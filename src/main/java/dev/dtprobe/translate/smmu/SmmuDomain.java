package dev.dtprobe.translate.smmu;

import dev.dtprobe.translate.pgtable.CachedTranslator;
import dev.dtprobe.kernel.Errno;
import dev.dtprobe.translate.pgtable.LpaeConfig;
import dev.dtprobe.translate.pgtable.LpaePageTable;
import dev.dtprobe.translate.pgtable.TlbOps;

/**
 * An {@code arm_smmu_domain}. The context (stage, bank, ASID/VMID, page table) is chosen at the
 * first attach, as {@code arm_smmu_init_domain_context} does; before that, map and unmap fail
 * with -ENODEV.
 */
public final class SmmuDomain {
    public enum Type {
        /** IOMMU_DOMAIN_DMA: the default domain of the DMA API (refused with the legacy binding). */
        DMA,
        /** IOMMU_DOMAIN_UNMANAGED: a paging domain driven through iommu_map/unmap. */
        UNMANAGED,
        /** IOMMU_DOMAIN_IDENTITY: S2CRs of attached masters get TYPE = BYPASS. */
        IDENTITY
    }

    public enum Stage { S1, S2, BYPASS }

    public final Type type;
    ArmSmmu smmu;
    Stage stage;
    int cbndx = -1;
    int asid = -1;
    int vmid = 0;
    int irptndx = -1;
    /** Context format: true = AArch64, false = AArch32-L (LPAE). */
    boolean aarch64;
    LpaePageTable table;
    CachedTranslator xl;

    SmmuDomain(Type type) { this.type = type; }

    public ArmSmmu smmu() { return smmu; }

    /** null until the first attach. */
    public Stage stage() { return stage; }

    public int cbndx() { return cbndx; }

    /** Stage-1 ASID (= cbndx), or -1. */
    public int asid() { return asid; }

    /** Stage-2 VMID (= cbndx + 1), or 0 for stage-1 domains. */
    public int vmid() { return vmid; }

    public int irptndx() { return irptndx; }

    public boolean aarch64() { return aarch64; }

    /** The domain's page table (null before the first attach or for identity domains). */
    public LpaePageTable pageTable() { return table; }

    public LpaeConfig pgtableConfig() { return table == null ? null : table.config(); }

    /** {@code iommu_map}: 0 or a negative errno (-ENODEV before the context exists). */
    public int map(long iova, long pa, long size, int prot) {
        if (table == null) return -Errno.ENODEV;
        return table.map(iova, pa, size, prot);
    }

    /**
     * {@code iommu_unmap} in strict mode: each cleared leaf is invalidated as the driver's flush
     * ops do (S1 TLBIVAL by ASID, S2 TLBIIPAS2L by VMID on v2, TLBIVMID on v1). Returns the
     * bytes unmapped.
     */
    public long unmap(long iova, long size) {
        if (table == null) return 0;
        return table.unmap(iova, size);
    }

    /**
     * {@code iommu_unmap} with the invalidation deferred (non-strict mode's flush queue): the
     * TLB keeps what it cached until {@link #flushIotlbAll} or an explicit TLBI.
     */
    public long unmapDeferred(long iova, long size) {
        if (table == null) return 0;
        TlbOps ops = flushOps;
        table.setTlbOps(TlbOps.NONE);
        try {
            return table.unmap(iova, size);
        } finally {
            table.setTlbOps(ops);
        }
    }

    /** {@code tlb_flush_all}: S1 TLBIASID(asid), S2 TLBIVMID(vmid), then sync. */
    public void flushIotlbAll() {
        if (smmu == null || table == null) return;
        if (stage == Stage.S1) smmu.tlbiAsid(asid);
        else smmu.tlbiVmid(vmid);
    }

    /** {@code arm_smmu_iova_to_phys} (software walk): the PA or 0. */
    public long iovaToPhys(long iova) {
        if (stage == Stage.BYPASS) return iova;
        return table == null ? 0 : table.iovaToPhys(iova);
    }

    TlbOps flushOps = TlbOps.NONE;

    /** Build the page table and the flush ops once the bank is chosen. */
    void finalise(ArmSmmu s, Stage st, int cb, boolean a64, LpaeConfig pc) {
        this.smmu = s;
        this.stage = st;
        this.cbndx = cb;
        this.aarch64 = a64;
        if (st == Stage.S2) vmid = cb + 1;
        else asid = cb;
        table = new LpaePageTable(pc);
        xl = new CachedTranslator(table, s.tlb(), st == Stage.S1 ? asid : -1, st == Stage.S1 ? 0 : vmid, false);
        final boolean v1 = !s.config().version().isV2();
        if (st == Stage.S1) {
            flushOps = new TlbOps() {
                @Override public void flushWalk(long iova, long size, long granule) { s.tlbiVaRange(asid, iova, size); }
                @Override public void addPage(long iova, long granule) { s.tlbiVaRange(asid, iova, granule); }
            };
        } else if (!v1) {
            flushOps = new TlbOps() {
                @Override public void flushWalk(long iova, long size, long granule) { s.tlbiIpaRange(vmid, iova, size); }
                @Override public void addPage(long iova, long granule) { s.tlbiIpaRange(vmid, iova, granule); }
            };
        } else {
            flushOps = new TlbOps() {
                @Override public void flushWalk(long iova, long size, long granule) { s.tlbiVmid(vmid); }
                @Override public void addPage(long iova, long granule) { s.tlbiVmid(vmid); }
            };
        }
        table.setTlbOps(flushOps);
    }

    void destroy() {
        if (table != null) flushIotlbAll(); // free_io_pgtable_ops -> tlb_flush_all
        table = null;
        xl = null;
        flushOps = TlbOps.NONE;
    }

    @Override public String toString() {
        if (stage == null) return type + " domain (not attached)";
        if (stage == Stage.BYPASS) return "identity domain";
        return stage + " domain cb" + cbndx + (stage == Stage.S1 ? " asid " + asid : " vmid " + vmid);
    }

    static String errno(int rc) { return Errno.name(rc); }
}
