package dev.dtprobe.translate.smmuv3;

/**
 * SMMUv3 register offsets, structure fields, event IDs and command encodings
 * (translators.md §2.2-§2.7; names follow Linux's {@code arm-smmu-v3.h}).
 */
public final class Smmuv3Defs {
    private Smmuv3Defs() {}

    // ---------------------------------------------------------------- registers (page 0)
    public static final int IDR0 = 0x0, IDR1 = 0x4, IDR3 = 0xc, IDR5 = 0x14, CR0 = 0x20, CR0ACK = 0x24,
            GBPA = 0x44, STRTAB_BASE = 0x80, STRTAB_BASE_CFG = 0x88, CMDQ_BASE = 0x90, CMDQ_PROD = 0x98,
            CMDQ_CONS = 0x9c, EVTQ_BASE = 0xa0, EVTQ_PROD = 0xa8, EVTQ_CONS = 0xac;
    /** Linux uses the page-1 aliases of the event queue pointers. */
    public static final int PAGE1 = 0x10000;

    public static final int IDR0_S2P = 1, IDR0_S1P = 1 << 1, IDR0_TTF_AARCH64 = 2 << 2, IDR0_ASID16 = 1 << 12,
            IDR0_VMID16 = 1 << 18, IDR0_CD2L = 1 << 19, IDR0_ST_LVL_2LVL = 1 << 27;
    public static final int IDR3_RIL = 1 << 10;
    public static final int IDR5_GRAN4K = 1 << 4, IDR5_GRAN16K = 1 << 5, IDR5_GRAN64K = 1 << 6;
    public static final int CR0_SMMUEN = 1, CR0_EVTQEN = 1 << 2, CR0_CMDQEN = 1 << 3;
    public static final int GBPA_ABORT = 1 << 20, GBPA_UPDATE = 1 << 31;
    public static final int STRTAB_FMT_LINEAR = 0, STRTAB_FMT_2LVL = 1;
    /** Linux's STRTAB_SPLIT. */
    public static final int STRTAB_SPLIT = 8;
    public static final int CMDQ_ERR_NONE = 0, CMDQ_ERR_ILL = 1, CMDQ_ERR_ABT = 2;

    /** OAS field (IDR5 [2:0]) to bits. */
    public static int oasBits(int f) {
        return switch (f) { case 0 -> 32; case 1 -> 36; case 2 -> 40; case 3 -> 42; case 4 -> 44; case 5 -> 48; default -> 52; };
    }

    // ---------------------------------------------------------------- STE
    public static final int STE_BYTES = 64;
    public static final long STE_0_V = 1;
    public static final int STE_CFG_ABORT = 0, STE_CFG_BYPASS = 4, STE_CFG_S1 = 5, STE_CFG_S2 = 6, STE_CFG_NESTED = 7;
    public static final int S1FMT_LINEAR = 0, S1FMT_4K_L2 = 1, S1FMT_64K_L2 = 2;
    public static final int S1DSS_TERMINATE = 0, S1DSS_BYPASS = 1, S1DSS_SSID0 = 2;
    public static final long STE_2_S2AA64 = 1L << 51, STE_2_S2AFFD = 1L << 53, STE_2_S2PTW = 1L << 54, STE_2_S2R = 1L << 58;

    public static long ste0(int config, int s1fmt, long s1ContextPtr, int s1cdmax) {
        return STE_0_V | (long) config << 1 | (long) s1fmt << 4 | (s1ContextPtr & 0xf_ffff_ffff_ffc0L) | (long) s1cdmax << 59;
    }

    /** VTCR fields as placed in STE dword 2 [50:32]. */
    public static long steVtcr(int t0sz, int sl0, int tg, int ps) {
        long vtcr = t0sz | sl0 << 6 | 1 << 8 | 1 << 10 | 3 << 12 | tg << 14 | ps << 16;
        return vtcr << 32;
    }

    // ---------------------------------------------------------------- CD
    public static final int CD_BYTES = 64;
    public static final long CD_0_EPD0 = 1L << 14, CD_0_EPD1 = 1L << 30, CD_0_V = 1L << 31, CD_0_AA64 = 1L << 41,
            CD_0_S = 1L << 44, CD_0_R = 1L << 45, CD_0_A = 1L << 46, CD_0_ASET = 1L << 47;
    /** CTXDESC_L2_ENTRIES (64K leaf) and Linux's linear limit (CTXDESC_LINEAR_CDMAX). */
    public static final int CD_L2_ENTRIES_64K = 1024, CD_L2_ENTRIES_4K = 64, CD_LINEAR_CDMAX = 10;
    public static final long CD_L1_V = 1;

    public static long cd0(int t0sz, int tg0, int ips, int asid, boolean record) {
        return t0sz | (long) tg0 << 6 | 1L << 8 | 1L << 10 | 3L << 12 | CD_0_EPD1 | CD_0_V | (long) ips << 32
                | CD_0_AA64 | (record ? CD_0_R : 0) | CD_0_A | CD_0_ASET | (long) (asid & 0xffff) << 48;
    }

    // ---------------------------------------------------------------- events
    public static final int EVT_BYTES = 32;
    public static final int F_UUT = 0x01, C_BAD_STREAMID = 0x02, F_STE_FETCH = 0x03, C_BAD_STE = 0x04,
            F_BAD_ATS_TREQ = 0x05, F_STREAM_DISABLED = 0x06, F_TRANSL_FORBIDDEN = 0x07, C_BAD_SUBSTREAMID = 0x08,
            F_CD_FETCH = 0x09, C_BAD_CD = 0x0a, F_WALK_EABT = 0x0b, F_TRANSLATION = 0x10, F_ADDR_SIZE = 0x11,
            F_ACCESS = 0x12, F_PERMISSION = 0x13, F_TLB_CONFLICT = 0x20, F_CFG_CONFLICT = 0x21;

    public static String eventName(int id) {
        return switch (id) {
            case F_UUT -> "F_UUT"; case C_BAD_STREAMID -> "C_BAD_STREAMID"; case F_STE_FETCH -> "F_STE_FETCH";
            case C_BAD_STE -> "C_BAD_STE"; case F_BAD_ATS_TREQ -> "F_BAD_ATS_TREQ";
            case F_STREAM_DISABLED -> "F_STREAM_DISABLED"; case F_TRANSL_FORBIDDEN -> "F_TRANSL_FORBIDDEN";
            case C_BAD_SUBSTREAMID -> "C_BAD_SUBSTREAMID"; case F_CD_FETCH -> "F_CD_FETCH"; case C_BAD_CD -> "C_BAD_CD";
            case F_WALK_EABT -> "F_WALK_EABT"; case F_TRANSLATION -> "F_TRANSLATION"; case F_ADDR_SIZE -> "F_ADDR_SIZE";
            case F_ACCESS -> "F_ACCESS"; case F_PERMISSION -> "F_PERMISSION"; case F_TLB_CONFLICT -> "F_TLB_CONFLICT";
            case F_CFG_CONFLICT -> "F_CFG_CONFLICT";
            default -> String.format("EVT_0x%02x", id);
        };
    }

    // ---------------------------------------------------------------- commands (2 dwords)
    public static final int CMDQ_ENT_BYTES = 16;
    public static final int OP_PREFETCH_CFG = 0x01, OP_CFGI_STE = 0x03, OP_CFGI_STE_RANGE = 0x04, OP_CFGI_CD = 0x05,
            OP_CFGI_CD_ALL = 0x06, OP_TLBI_NH_ALL = 0x10, OP_TLBI_NH_ASID = 0x11, OP_TLBI_NH_VA = 0x12,
            OP_TLBI_NH_VAA = 0x13, OP_TLBI_EL2_ALL = 0x20, OP_TLBI_EL2_ASID = 0x21, OP_TLBI_EL2_VA = 0x22,
            OP_TLBI_S12_VMALL = 0x28, OP_TLBI_S2_IPA = 0x2a, OP_TLBI_NSNH_ALL = 0x30, OP_ATC_INV = 0x40,
            OP_PRI_RESP = 0x41, OP_RESUME = 0x44, OP_CMD_SYNC = 0x46;

    public static long[] cfgiSte(int sid, boolean leaf) { return new long[] {OP_CFGI_STE | (long) sid << 32, leaf ? 1 : 0}; }

    /** CFGI_STE_RANGE; range 31 is CFGI_ALL. */
    public static long[] cfgiSteRange(int sid, int range) { return new long[] {OP_CFGI_STE_RANGE | (long) sid << 32, range & 31}; }

    public static long[] cfgiAll() { return cfgiSteRange(0, 31); }

    public static long[] cfgiCd(int sid, int ssid, boolean leaf) {
        return new long[] {OP_CFGI_CD | (long) (ssid & 0xfffff) << 12 | (long) sid << 32, leaf ? 1 : 0};
    }

    public static long[] cfgiCdAll(int sid) { return new long[] {OP_CFGI_CD_ALL | (long) sid << 32, 0}; }

    public static long[] tlbiNhAsid(int asid, int vmid) {
        return new long[] {OP_TLBI_NH_ASID | (long) (vmid & 0xffff) << 32 | (long) (asid & 0xffff) << 48, 0};
    }

    /** TLBI_NH_VA, single address (TG = 0). */
    public static long[] tlbiNhVa(int asid, int vmid, long va, boolean leaf) {
        return new long[] {OP_TLBI_NH_VA | (long) (vmid & 0xffff) << 32 | (long) (asid & 0xffff) << 48,
                (va & ~0xfffL) | (leaf ? 1 : 0)};
    }

    /** Range form: (num+1) << scale pages of granule tg (1 = 4K, 2 = 16K, 3 = 64K), ttl level hint. */
    public static long[] tlbiNhVaRange(int asid, int vmid, long va, boolean leaf, int num, int scale, int tg, int ttl) {
        long[] c = tlbiNhVa(asid, vmid, va, leaf);
        c[0] |= (long) (num & 31) << 12 | (long) (scale & 31) << 20;
        c[1] |= (long) (tg & 3) << 10 | (long) (ttl & 3) << 8;
        return c;
    }

    public static long[] tlbiS2Ipa(int vmid, long ipa, boolean leaf) {
        return new long[] {OP_TLBI_S2_IPA | (long) (vmid & 0xffff) << 32, (ipa & 0xf_ffff_ffff_f000L) | (leaf ? 1 : 0)};
    }

    public static long[] tlbiS12Vmall(int vmid) { return new long[] {OP_TLBI_S12_VMALL | (long) (vmid & 0xffff) << 32, 0}; }

    public static long[] tlbiNhAll(int vmid) { return new long[] {OP_TLBI_NH_ALL | (long) (vmid & 0xffff) << 32, 0}; }

    public static long[] tlbiNsnhAll() { return new long[] {OP_TLBI_NSNH_ALL, 0}; }

    public static long[] sync() { return new long[] {OP_CMD_SYNC, 0}; }
}
