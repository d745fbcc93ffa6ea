package dev.dtprobe.translate.smmu;

/** Device-tree binding helpers of the arm-smmu driver (translators.md §1.2). */
public final class SmmuBinding {
    private SmmuBinding() {}

    /** The fwspec ID: SID in [15:0], mask in [31:16] (FIELD_PREP truncates each field to 16 bits). */
    public static int fwid(int sid, int mask) {
        return (sid & 0xffff) | (mask & 0xffff) << 16;
    }

    /**
     * {@code arm_smmu_of_xlate}: args are the specifier cells after the phandle
     * ({@code #iommu-cells} 1 or 2). With two cells the second is the SMR mask; with one,
     * {@code stream-match-mask} of the SMMU node (null when absent) is the mask.
     */
    public static int ofXlate(int[] args, Integer streamMatchMask) {
        int mask = 0;
        if (args.length > 1) mask = args[1];
        else if (streamMatchMask != null) mask = streamMatchMask;
        return fwid(args[0], mask);
    }

    /**
     * Legacy {@code mmu-masters}: the cells that follow a master's phandle (its
     * {@code #stream-id-cells} of them) become its fwspec IDs as they are, so the mask is 0 and
     * {@code stream-match-mask} is not applied.
     */
    public static int[] legacyFwids(int[] streamIdCells) {
        return streamIdCells.clone();
    }

    /** {@code iommu-map = <rid-base &smmu sid-base length>} with optional iommu-map-mask; -1 if rid is outside. */
    public static int pciRidToSid(int rid, int ridBase, int sidBase, int length, Integer mapMask) {
        int r = mapMask == null ? rid : rid & mapMask;
        if (r < ridBase || r >= ridBase + length) return -1;
        return r - ridBase + sidBase;
    }
}
