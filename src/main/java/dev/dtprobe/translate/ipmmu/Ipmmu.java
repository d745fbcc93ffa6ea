package dev.dtprobe.translate.ipmmu;

import dev.dtprobe.kernel.Errno;
import dev.dtprobe.translate.pgtable.Iotlb;
import dev.dtprobe.translate.pgtable.Xlate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One Renesas IPMMU-VMSA instance (translators.md §4): a <em>root</em> (IPMMU-MM; owns the
 * contexts, their registers and the fault state) or a <em>cache</em> (leaf) instance that points
 * at its root through {@code renesas,ipmmu-main} and owns the uTLB registers (IMUCTR/IMUASID)
 * and the TLB. On SoCs without the cache/leaf split (Gen2) one instance is both.
 *
 * <p>Routing per transaction ({@link #translate}): {@code IMUCTR[uTLB]} in this (leaf) instance;
 * MMUEN = 0 passes the access untranslated; otherwise TTSEL names a context in the root, whose
 * IMCTR.MMUEN, page table (ARM_32_LPAE_S1, IAS 32, OAS 40) and fault registers are used.
 *
 * <p>Every device behind one leaf shares one iommu_group and so one default domain
 * ({@link #defaultDomain}), one context and one page table ({@code ipmmu_find_group}).
 */
public final class Ipmmu {
    // IMCTR
    public static final int IMCTR_INTEN = 1 << 2, IMCTR_FLUSH = 1 << 1, IMCTR_MMUEN = 1;
    // IMTTBCR
    public static final int IMTTBCR_EAE = 1 << 31, IMTTBCR_SH0_INNER_SHAREABLE = 3 << 12,
            IMTTBCR_ORGN0_WB_WA = 1 << 10, IMTTBCR_IRGN0_WB_WA = 1 << 8, IMTTBCR_SL0_LVL_1 = 1 << 4,
            IMTTBCR_SL0_TWOBIT_LVL_1 = 2 << 6;
    // IMSTR
    public static final int IMSTR_MHIT = 1 << 4, IMSTR_ABORT = 1 << 2, IMSTR_PF = 1 << 1, IMSTR_TF = 1;
    public static final int IMSTR_ERR_MASK = IMSTR_MHIT | IMSTR_ABORT | IMSTR_PF | IMSTR_TF;
    // IMUCTR
    public static final int IMUCTR_TTSEL_SHIFT = 4, IMUCTR_TTSEL_MASK = 0xf << 4, IMUCTR_FLUSH = 1 << 1,
            IMUCTR_MMUEN = 1;
    // Register offsets inside a context (add IpmmuFeatures.ctxReg).
    public static final int IMCTR = 0x00, IMTTBCR = 0x08, IMBUSCR = 0x0c, IMTTLBR0 = 0x10, IMTTUBR0 = 0x14,
            IMSTR = 0x20, IMMAIR0 = 0x28, IMELAR = 0x30, IMEUAR = 0x34;
    /** Default number of IOTLB entries of a leaf instance. */
    public static final int DEFAULT_TLB_SETS = 1024;

    private final String name;
    private final IpmmuFeatures features;
    private final Ipmmu root;
    private final int mainIndex;
    private final List<String> log = new ArrayList<>();

    // ---- leaf state (uTLBs, TLB, IMCTR mirror written by ipmmu_ctx_write_all)
    private final int[] imuctr;
    private final int[] imuasid;
    private final int[] utlbCtx;
    private final int[] leafImctr = new int[IpmmuFeatures.CTX_MAX];
    private final Iotlb tlb;
    private IpmmuDomain defaultDomain;

    // ---- root state (contexts)
    private int ctxBitmap;
    private final IpmmuDomain[] domains = new IpmmuDomain[IpmmuFeatures.CTX_MAX];
    private final int[] imctr = new int[IpmmuFeatures.CTX_MAX];
    private final int[] imttbcr = new int[IpmmuFeatures.CTX_MAX];
    private final int[] imbuscr = new int[IpmmuFeatures.CTX_MAX];
    private final int[] imttlbr0 = new int[IpmmuFeatures.CTX_MAX];
    private final int[] imttubr0 = new int[IpmmuFeatures.CTX_MAX];
    private final int[] immair0 = new int[IpmmuFeatures.CTX_MAX];
    private final int[] imstr = new int[IpmmuFeatures.CTX_MAX];
    private final int[] imelar = new int[IpmmuFeatures.CTX_MAX];
    private final int[] imeuar = new int[IpmmuFeatures.CTX_MAX];
    private long faults;

    private Ipmmu(String name, IpmmuFeatures features, Ipmmu main, int mainIndex, int tlbSets) {
        this.name = name;
        this.features = features;
        this.root = main == null ? this : main;
        this.mainIndex = mainIndex;
        this.imuctr = new int[features.numUtlbs];
        this.imuasid = new int[features.numUtlbs];
        this.utlbCtx = new int[features.numUtlbs];
        this.tlb = new Iotlb(tlbSets);
        if (root == this && features.reservedContext) {
            ctxBitmap |= 1; // "IPMMU context 0 is reserved"
            log.add(name + ": IPMMU context 0 is reserved");
        }
    }

    /** A root instance (IPMMU-MM on Gen3/Gen4; the only kind on Gen2). */
    public static Ipmmu root(String name, IpmmuFeatures features) {
        return new Ipmmu(name, features, null, -1, DEFAULT_TLB_SETS);
    }

    /**
     * A cache (leaf) instance whose {@code renesas,ipmmu-main = <&root mainIndex>}. Only SoCs with
     * the cache/leaf split have them: on Gen2 the property is ignored and the instance is a root
     * ({@link #probe}); here that is refused.
     */
    public static Ipmmu cache(String name, Ipmmu root, int mainIndex) {
        if (!root.features.hasCacheLeafNodes) throw new IllegalArgumentException(root.features + " has no cache/leaf split");
        if (!root.isRoot()) throw new IllegalArgumentException(root.name + " is not a root IPMMU");
        return new Ipmmu(name, root.features, root, mainIndex, DEFAULT_TLB_SETS);
    }

    /**
     * The probe rule ({@code ipmmu_probe}): an instance is a root if the SoC has no cache/leaf split
     * or it has no {@code renesas,ipmmu-main} (main == null); otherwise a cache of main.
     */
    public static Ipmmu probe(String name, IpmmuFeatures features, Ipmmu main, int mainIndex) {
        if (!features.hasCacheLeafNodes || main == null) return root(name, features);
        if (main.features != features) throw new IllegalArgumentException("root and cache of different generations");
        return cache(name, main, mainIndex);
    }

    public String name() { return name; }

    public IpmmuFeatures features() { return features; }

    public Ipmmu rootInstance() { return root; }

    public boolean isRoot() { return root == this; }

    /** The N of {@code renesas,ipmmu-main = <&root N>} (the root's IMSSTR bit); -1 for a root. */
    public int mainIndex() { return mainIndex; }

    /**
     * The instance registers with the IOMMU core, i.e. masters can sit behind it: every instance on
     * Gen2, only cache instances on Gen3/Gen4 (the root only owns contexts and IRQs).
     */
    public boolean registersWithIommuCore() { return !isRoot() || !features.hasCacheLeafNodes; }

    /** The driver's dev_info/dev_err lines, in order. */
    public List<String> log() { return Collections.unmodifiableList(log); }

    void log(String line) { log.add(line); }

    /** This leaf's TLB (one context entry per context id; shared by its uTLBs). */
    public Iotlb tlb() { return tlb; }

    // ------------------------------------------------------------------ domains / attach

    /** The default domain of this instance's single iommu_group (created on first use). */
    public IpmmuDomain defaultDomain() {
        if (defaultDomain == null) defaultDomain = new IpmmuDomain();
        return defaultDomain;
    }

    /**
     * Attach a master wired to the given uTLBs to this instance's shared default domain (the
     * fwspec ids of {@code iommus = <&this utlb...>}). Returns 0 or a negative errno.
     */
    public int attachDevice(String dev, int... utlbs) {
        return defaultDomain().attach(dev, this, utlbs);
    }

    /** {@code ipmmu_utlb_disable}: IMUCTR = 0 for each uTLB (the master then bypasses). */
    public void detachDevice(int... utlbs) {
        for (int u : utlbs) {
            checkUtlb(u);
            imuctr[u] = 0;
        }
    }

    private void checkUtlb(int u) {
        if (u < 0 || u >= features.numUtlbs) {
            throw new IllegalArgumentException("uTLB " + u + " out of range (" + features.numUtlbs + " on " + features + ")");
        }
    }

    boolean utlbInRange(int u) { return u >= 0 && u < features.numUtlbs; }

    /** {@code ipmmu_utlb_enable}: IMUASID = 0, IMUCTR = TTSEL(ctx) | FLUSH | MMUEN. */
    void utlbEnable(int utlb, int ctx) {
        imuasid[utlb] = 0;
        imuctr[utlb] = ctx << IMUCTR_TTSEL_SHIFT | IMUCTR_FLUSH | IMUCTR_MMUEN;
        utlbCtx[utlb] = ctx;
    }

    /** {@code ipmmu_domain_allocate_context} on the root: first free bit, or -EBUSY. */
    int allocateContext(IpmmuDomain d) {
        for (int c = 0; c < features.numberOfContexts; c++) {
            if ((ctxBitmap & 1 << c) == 0) {
                ctxBitmap |= 1 << c;
                domains[c] = d;
                return c;
            }
        }
        return -Errno.EBUSY;
    }

    /** {@code ipmmu_domain_free_context}. */
    void freeContext(int ctx) {
        ctxBitmap &= ~(1 << ctx);
        domains[ctx] = null;
    }

    /** Root context register writes ({@code ipmmu_ctx_write_root}). */
    void setupContext(int ctx, long ttbr, int mair) {
        imttlbr0[ctx] = (int) ttbr;
        imttubr0[ctx] = (int) (ttbr >>> 32);
        int tcr = features.twobitImttbcrSl0 ? IMTTBCR_SL0_TWOBIT_LVL_1 : IMTTBCR_SL0_LVL_1;
        if (features.cacheSnoop) tcr |= IMTTBCR_SH0_INNER_SHAREABLE | IMTTBCR_ORGN0_WB_WA | IMTTBCR_IRGN0_WB_WA;
        imttbcr[ctx] = IMTTBCR_EAE | tcr;
        immair0[ctx] = mair;
        if (features.setupImbuscr) imbuscr[ctx] = 0; // DVM and BUSSEL cleared
        imstr[ctx] = 0;
    }

    /**
     * {@code ipmmu_ctx_write_all(IMCTR, value)}: written to the leaf and the root. FLUSH makes the
     * leaf drop the context's TLB entries and then reads back as 0 (the driver polls it).
     */
    void writeImctrAll(Ipmmu leaf, int ctx, int value, IpmmuDomain d) {
        if (leaf != this) leaf.leafImctr[ctx] = value & ~IMCTR_FLUSH;
        imctr[ctx] = value & ~IMCTR_FLUSH;
        if ((value & IMCTR_FLUSH) != 0 && d != null) d.tlbFlushed();
    }

    // ------------------------------------------------------------------ translation

    /**
     * One transaction from the master wired to {@code utlb} of this (leaf) instance.
     *
     * @param access {@link Xlate#R}, {@link Xlate#W}, {@link Xlate#X}, ORed
     * @throws IllegalArgumentException if the uTLB number does not exist on this generation
     */
    public IpmmuResult translate(int utlb, long iova, int access) {
        checkUtlb(utlb);
        int u = imuctr[utlb];
        if ((u & IMUCTR_MMUEN) == 0) return new IpmmuResult.Bypass(iova);
        int ctx = (u & IMUCTR_TTSEL_MASK) >>> IMUCTR_TTSEL_SHIFT;
        Ipmmu r = root;
        IpmmuDomain d = ctx < features.numberOfContexts ? r.domains[ctx] : null;
        if ((r.imctr[ctx] & IMCTR_MMUEN) == 0 || d == null) return new IpmmuResult.Bypass(iova);
        long x = d.translator().translate(iova, access);
        if (!Xlate.isFault(x)) {
            return new IpmmuResult.Ok(iova, Xlate.pa(x), Xlate.perm(x), Xlate.mappingSize(x), Xlate.level(x), ctx);
        }
        int kind = Xlate.faultKind(x);
        int bits = switch (kind) {
            case Xlate.F_PERMISSION -> IMSTR_PF;
            case Xlate.F_WALK_EABT -> IMSTR_ABORT;
            default -> IMSTR_TF; // translation, access flag, address size
        };
        r.recordFault(ctx, bits, iova);
        return new IpmmuResult.Fault(iova, kind, Xlate.level(x), ctx, bits, true);
    }

    /** Latch a fault in the root context: the address of the first fault since the last clear. */
    private void recordFault(int ctx, int bits, long iova) {
        if ((imstr[ctx] & IMSTR_ERR_MASK) == 0) {
            imelar[ctx] = (int) iova;
            imeuar[ctx] = (int) (iova >>> 32);
        }
        imstr[ctx] |= bits;
        faults++;
    }

    /** Faults latched since creation (root). */
    public long faultCount() { return root.faults; }

    /**
     * The root's interrupt handler ({@code ipmmu_irq} → {@code ipmmu_domain_irq} for every
     * active context): reads and clears IMSTR and returns the lines the driver would print
     * (no fault handler is installed, so PF/TF end as "Unhandled fault").
     */
    public List<String> handleIrq() {
        Ipmmu r = root;
        List<String> out = new ArrayList<>();
        for (int ctx = 0; ctx < features.numberOfContexts; ctx++) {
            if (r.domains[ctx] == null) continue;
            int status = r.imstr[ctx];
            if ((status & IMSTR_ERR_MASK) == 0) continue;
            long iova = Integer.toUnsignedLong(r.imelar[ctx]) | (long) r.imeuar[ctx] << 32;
            r.imstr[ctx] = 0;
            if ((status & IMSTR_MHIT) != 0) out.add(String.format("%s: Multiple TLB hits @0x%x", r.name, iova));
            if ((status & IMSTR_ABORT) != 0) out.add(String.format("%s: Page Table Walk Abort @0x%x", r.name, iova));
            if ((status & (IMSTR_PF | IMSTR_TF)) == 0) continue;
            out.add(String.format("%s: Unhandled fault: status 0x%08x iova 0x%x", r.name, status, iova));
        }
        r.log.addAll(out);
        return out;
    }

    // ------------------------------------------------------------------ register reads

    public int imuctr(int utlb) { checkUtlb(utlb); return imuctr[utlb]; }

    public int imuasid(int utlb) { checkUtlb(utlb); return imuasid[utlb]; }

    /** {@code mmu->utlb_ctx[utlb]}: the context recorded for resume. */
    public int utlbCtx(int utlb) { checkUtlb(utlb); return utlbCtx[utlb]; }

    /** Context registers are read from the root, whichever instance is asked. */
    public int imctr(int ctx) { return root.imctr[ctx]; }

    /** IMCTR as last written to this leaf by {@code ipmmu_ctx_write_all} (the root's own on a root). */
    public int leafImctr(int ctx) { return isRoot() ? imctr[ctx] : leafImctr[ctx]; }

    public int imttbcr(int ctx) { return root.imttbcr[ctx]; }

    public int imbuscr(int ctx) { return root.imbuscr[ctx]; }

    public int imttlbr0(int ctx) { return root.imttlbr0[ctx]; }

    public int imttubr0(int ctx) { return root.imttubr0[ctx]; }

    public int immair0(int ctx) { return root.immair0[ctx]; }

    public int imstr(int ctx) { return root.imstr[ctx]; }

    public int imelar(int ctx) { return root.imelar[ctx]; }

    public int imeuar(int ctx) { return root.imeuar[ctx]; }

    /** Root context bitmap (bit n = context n in use or reserved). */
    public int contextBitmap() { return root.ctxBitmap; }

    /** The domain owning a root context, or null. */
    public IpmmuDomain contextDomain(int ctx) { return root.domains[ctx]; }

    @Override public String toString() {
        return name + (isRoot() ? " (root " : " (cache of " + root.name + ", ") + features + ")";
    }
}
