package dev.dtprobe.translate.ipmmu;

import java.util.Set;

/**
 * {@code struct ipmmu_features} per generation (translators.md §4.1, §4.3), with the compatible
 * strings that select each one and the register offset helpers {@code ipmmu_ctx_reg} /
 * {@code ipmmu_utlb_reg}.
 */
public enum IpmmuFeatures {
    /** {@code ipmmu_features_default}: R-Car Gen2, RZ/G1. */
    GEN2(true, false, 1, 32, true, false, false, true, 0, 0x40, 0),
    /** {@code ipmmu_features_rcar_gen3}: R-Car Gen3, RZ/G2. */
    GEN3(false, true, 8, 48, false, true, true, false, 0, 0x40, 0),
    /** {@code ipmmu_features_rcar_gen4}. */
    GEN4(false, true, 16, 64, false, true, true, false, 0x10000, 0x1040, 0x3000);

    /** {@code IPMMU_CTX_MAX} / {@code IPMMU_UTLB_MAX}. */
    public static final int CTX_MAX = 16, UTLB_MAX = 64;
    /** {@code IM_NS_ALIAS_OFFSET}: Gen2 registers are used through the non-secure alias. */
    public static final int NS_ALIAS_OFFSET = 0x800;

    public final boolean useNsAliasOffset;
    public final boolean hasCacheLeafNodes;
    public final int numberOfContexts;
    public final int numUtlbs;
    public final boolean setupImbuscr;
    public final boolean twobitImttbcrSl0;
    public final boolean reservedContext;
    public final boolean cacheSnoop;
    public final int ctxOffsetBase;
    public final int ctxOffsetStride;
    public final int utlbOffsetBase;

    IpmmuFeatures(boolean ns, boolean leaf, int nctx, int nutlb, boolean imbuscr, boolean twobit,
            boolean reserved, boolean snoop, int ctxBase, int ctxStride, int utlbBase) {
        this.useNsAliasOffset = ns;
        this.hasCacheLeafNodes = leaf;
        this.numberOfContexts = nctx;
        this.numUtlbs = nutlb;
        this.setupImbuscr = imbuscr;
        this.twobitImttbcrSl0 = twobit;
        this.reservedContext = reserved;
        this.cacheSnoop = snoop;
        this.ctxOffsetBase = ctxBase;
        this.ctxOffsetStride = ctxStride;
        this.utlbOffsetBase = utlbBase;
    }

    private static final Set<String> GEN2_COMPATS = Set.of("renesas,ipmmu-vmsa", "renesas,ipmmu-r8a73a4",
            "renesas,ipmmu-r8a7742", "renesas,ipmmu-r8a7743", "renesas,ipmmu-r8a7744", "renesas,ipmmu-r8a7745",
            "renesas,ipmmu-r8a7790", "renesas,ipmmu-r8a7791", "renesas,ipmmu-r8a7793", "renesas,ipmmu-r8a7794");
    private static final Set<String> GEN3_COMPATS = Set.of("renesas,ipmmu-r8a7795", "renesas,ipmmu-r8a7796",
            "renesas,ipmmu-r8a77961", "renesas,ipmmu-r8a77965", "renesas,ipmmu-r8a77970", "renesas,ipmmu-r8a77980",
            "renesas,ipmmu-r8a77990", "renesas,ipmmu-r8a77995", "renesas,ipmmu-r8a774a1", "renesas,ipmmu-r8a774b1",
            "renesas,ipmmu-r8a774c0", "renesas,ipmmu-r8a774e1");
    private static final Set<String> GEN4_COMPATS = Set.of("renesas,ipmmu-r8a779a0", "renesas,ipmmu-r8a779f0",
            "renesas,ipmmu-r8a779g0", "renesas,rcar-gen4-ipmmu-vmsa");

    /**
     * The features a compatible list selects: the first entry of the node's compatible list that
     * the driver's match table knows wins (the most specific one, as {@code of_match_device} does
     * with a list ordered most specific first). Null if none matches.
     */
    public static IpmmuFeatures forCompatibles(Iterable<String> compatibles) {
        for (String c : compatibles) {
            IpmmuFeatures f = forCompatible(c);
            if (f != null) return f;
        }
        return null;
    }

    /** The features one compatible string selects, or null. */
    public static IpmmuFeatures forCompatible(String c) {
        if (GEN4_COMPATS.contains(c)) return GEN4;
        if (GEN3_COMPATS.contains(c)) return GEN3;
        if (GEN2_COMPATS.contains(c)) return GEN2;
        return null;
    }

    /** Context ids a domain can get (ctx 0 excluded where it is reserved). */
    public int usableContexts() { return numberOfContexts - (reservedContext ? 1 : 0); }

    /** {@code ipmmu_ctx_reg}: offset of a context register (before the Gen2 NS alias). */
    public int ctxReg(int ctx, int reg) {
        int base = ctxOffsetBase;
        if (ctx > 7) base += 0x800 - 8 * 0x40;
        return base + ctx * ctxOffsetStride + reg;
    }

    /** {@code ipmmu_utlb_reg(IMUCTR(n))}. */
    public int imuctrReg(int utlb) {
        return utlbOffsetBase + (utlb < 32 ? 0x300 + 16 * utlb : 0x600 + 16 * (utlb - 32));
    }

    /** {@code ipmmu_utlb_reg(IMUASID(n))}. */
    public int imuasidReg(int utlb) {
        return utlbOffsetBase + (utlb < 32 ? 0x308 + 16 * utlb : 0x608 + 16 * (utlb - 32));
    }
}
