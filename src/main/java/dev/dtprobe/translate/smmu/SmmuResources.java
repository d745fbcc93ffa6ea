package dev.dtprobe.translate.smmu;

/**
 * The ID-register values (ID0 NUMSMRG/NUMSIDB, ID1 NUMCB) the model reports for an SMMU node,
 * i.e. what {@code arm_smmu_device_cfg_probe} would read from the implementation.
 *
 * <p>The DT does not carry them, with one exception the driver enforces: for SMMUv2 (which
 * includes MMU-500) {@code arm_smmu_device_probe} fails with -ENODEV ("found only %d context
 * irq(s) but %d required") when ID1.NUMCB exceeds the context interrupts, i.e. the entries of
 * {@code interrupts} after the first {@code #global-interrupts}; the binding says "for SMMUv2
 * implementations, there must be exactly one interrupt per context bank". So a DT that boots
 * lists at least NUMCB context interrupts, and the model takes that count as NUMCB (the largest
 * value with which Linux's probe succeeds). SMMUv1 binding examples list one interrupt per
 * bank too, but the driver does not check it; the model reads them the same way.
 *
 * <p>What the DT cannot give comes from the implementation:
 * <ul>
 * <li>NUMSMRG = {@value #SMRS}: the largest stream-matching table the architecture and the
 *     driver ({@code ARM_SMMU_MAX_SMRS}) allow; MMU-500 is configurable up to that.</li>
 * <li>NUMSIDB = {@value #SID_BITS}: MMU-500's TCU stream ID is a constant 15 bits (5-bit TBU
 *     number, 10-bit TBU stream ID: MMU-500 TRM §2.3.1), the architecture's widest without
 *     EXIDS.</li>
 * <li>NUMCB = {@value SmmuConfig#MAX_CBS} ({@code ARM_SMMU_MAX_CBS}, MMU-500's configurable
 *     maximum) when the node has no usable context interrupt count.</li>
 * </ul>
 */
public final class SmmuResources {
    private SmmuResources() {}

    public static final int SMRS = 128;
    public static final int SID_BITS = 15;

    /**
     * The configuration for a node of this version whose {@code interrupts} list has
     * {@code contextIrqs} entries after the global ones (0 or less when unknown).
     */
    public static SmmuConfig forNode(SmmuVersion version, int contextIrqs) {
        int banks = contextIrqs > 0 ? Math.min(contextIrqs, SmmuConfig.MAX_CBS) : SmmuConfig.MAX_CBS;
        return SmmuConfig.builder().version(version).smrs(SMRS).sidBits(SID_BITS).contextBanks(banks, 0).build();
    }
}
