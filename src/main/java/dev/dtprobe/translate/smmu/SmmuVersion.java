package dev.dtprobe.translate.smmu;

import java.util.List;

/** arm-smmu driver model (translators.md §1.1), chosen from the node's compatible list. */
public enum SmmuVersion {
    /** {@code arm,smmu-v1}, {@code arm,mmu-400}. */
    V1,
    /** {@code arm,mmu-401}: v1 with the AArch64 64K granule. */
    V1_64K,
    /** {@code arm,smmu-v2}, {@code qcom,smmu-v2}, {@code cavium,smmu-v2}. */
    V2,
    /** {@code arm,mmu-500}, {@code nvidia,smmu-500}, {@code qcom,*-smmu-500}. */
    MMU500;

    public boolean isV2() { return this == V2 || this == MMU500; }

    /** The first compatible the driver knows, in the node's order; null if none matches. */
    public static SmmuVersion fromCompatible(List<String> compatibles) {
        for (String c : compatibles) {
            SmmuVersion v = fromOne(c);
            if (v != null) return v;
        }
        return null;
    }

    private static SmmuVersion fromOne(String c) {
        switch (c) {
            case "arm,smmu-v1": case "arm,mmu-400": return V1;
            case "arm,mmu-401": return V1_64K;
            case "arm,smmu-v2": case "qcom,smmu-v2": case "cavium,smmu-v2": return V2;
            case "arm,mmu-500": case "nvidia,smmu-500": return MMU500;
            default:
                if (c.startsWith("qcom,") && c.endsWith("-smmu-500")) return MMU500;
                return null;
        }
    }
}
