package dev.dtprobe.translate.smmu;

/**
 * The resources of one SMMU implementation, as the driver reads them from ID0/ID1/ID2
 * (translators.md §1.3). Build with {@link #builder}; defaults describe a small MMU-500.
 *
 * @param numSmrg      ID0.NUMSMRG: stream match register groups (ignored with stream indexing)
 * @param streamMatching ID0.SMS: SMRs present; false = stream indexing (S2CR indexed by SID)
 * @param numSidb      ID0.NUMSIDB: implemented stream-ID bits (1..15; EXIDS is not modelled)
 * @param numCb        ID1.NUMCB: context banks (at most 128)
 * @param numS2Cb      ID1.NUMS2CB: banks that only support stage 2 (the first ones)
 * @param s1           ID0.S1TS
 * @param s2           ID0.S2TS
 * @param vaBits       ID2.UBS as bits (v1: equal to ipaBits)
 * @param ipaBits      ID2.IAS as bits
 * @param paBits       ID2.OAS as bits
 * @param aarch64Granules AArch64 granules supported (bit 12 = 4K, 14 = 16K, 16 = 64K): ID2.PTFS
 * @param aarch32L     AArch32 long-descriptor (LPAE) contexts supported (not ID0.PTFS_NO_AARCH32)
 * @param kernelPageSize the kernel's PAGE_SIZE (io-pgtable picks the granule from it)
 * @param tlbSets      entries of the modelled TLB (a power of two)
 */
public record SmmuConfig(SmmuVersion version, int numSmrg, boolean streamMatching, int numSidb,
        int numCb, int numS2Cb, boolean s1, boolean s2, int vaBits, int ipaBits, int paBits,
        int aarch64Granules, boolean aarch32L, int kernelPageSize, int tlbSets) {

    public static final int MAX_CBS = 128;

    public SmmuConfig {
        if (numSidb < 1 || numSidb > 15) throw new IllegalArgumentException("NUMSIDB out of range: " + numSidb);
        if (streamMatching && (numSmrg < 1 || numSmrg > 128)) throw new IllegalArgumentException("NUMSMRG out of range: " + numSmrg);
        if (numCb < 0 || numCb > MAX_CBS) throw new IllegalArgumentException("NUMCB out of range: " + numCb);
        if (numS2Cb < 0 || numS2Cb > numCb) throw new IllegalArgumentException("NUMS2CB > NUMCB"); // -ENODEV in Linux
        if (!s1 && !s2) throw new IllegalArgumentException("no translation support"); // -ENODEV in Linux
    }

    /** 2^NUMSIDB - 1. */
    public int streamIdMask() { return (1 << numSidb) - 1; }

    /** Number of stream mapping entries: NUMSMRG with matching, 2^NUMSIDB with indexing. */
    public int numSme() { return streamMatching ? numSmrg : 1 << numSidb; }

    public static Builder builder() { return new Builder(); }

    public static final class Builder {
        private SmmuVersion version = SmmuVersion.MMU500;
        private int numSmrg = 16, numSidb = 15, numCb = 8, numS2Cb = 0;
        private boolean sms = true, s1 = true, s2 = true, aarch32L = true;
        private int va = 48, ipa = 48, pa = 48, granules = (1 << 12) | (1 << 16), page = 4096, tlbSets = 1024;

        public Builder version(SmmuVersion v) { version = v; return this; }
        public Builder smrs(int n) { numSmrg = n; sms = true; return this; }
        public Builder streamIndexing() { sms = false; return this; }
        public Builder sidBits(int n) { numSidb = n; return this; }
        public Builder contextBanks(int numCb, int numS2Cb) { this.numCb = numCb; this.numS2Cb = numS2Cb; return this; }
        public Builder stages(boolean s1, boolean s2) { this.s1 = s1; this.s2 = s2; return this; }
        public Builder addressBits(int va, int ipa, int pa) { this.va = va; this.ipa = ipa; this.pa = pa; return this; }
        public Builder aarch64Granules(int bits) { granules = bits; return this; }
        public Builder aarch32L(boolean b) { aarch32L = b; return this; }
        public Builder kernelPageSize(int n) { page = n; return this; }
        public Builder tlbSets(int n) { tlbSets = n; return this; }

        public SmmuConfig build() {
            int g = granules;
            int v = va;
            if (!version.isV2()) {
                v = ipa; // v1: va_size = ipa_size; no ID2 PTFS bits
                g = version == SmmuVersion.V1_64K ? 1 << 16 : 0;
            }
            return new SmmuConfig(version, numSmrg, sms, numSidb, numCb, numS2Cb, s1, s2, v, ipa, pa, g, aarch32L, page, tlbSets);
        }
    }
}
