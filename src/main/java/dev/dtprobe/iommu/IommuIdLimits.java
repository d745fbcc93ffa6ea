package dev.dtprobe.iommu;

import dev.dtprobe.translate.ipmmu.IpmmuFeatures;
import dev.dtprobe.translate.smmuv3.Smmuv3;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import java.util.List;

/**
 * The ID ranges the IOMMU models accept, for checks that want to warn before the boot does.
 * The hardware resources are not in the DT, so these are the model's assumptions, the same ones
 * the boot and the translators use.
 */
public final class IommuIdLimits {
    private IommuIdLimits() {
    }

    /** arm-smmu's {@code probe_device} range check in the IOMMU core model (16 bits, EXIDS included). */
    public static long smmuV2ProbeMask() {
        return OfXlate.SMMU_V2_STREAM_ID_MASK;
    }

    /** SMMU_IDR0.NUMSIDB of the SMMUv1/v2 translator model for this node (MMU-500-like). */
    public static int smmuV2ModelStreamIdBits(Node smmu) {
        return SmmuV2Hardware.config(smmu, -1).numSidb(); // the stream ID width does not depend on the context banks
    }

    /** IDR1.SIDSIZE of the SMMUv3 translator model. */
    public static int smmuV3ModelStreamIdBits() {
        return Smmuv3.DEFAULT_SID_BITS;
    }

    /** The number of micro-TLBs of the IPMMU generation the node's compatible selects, or -1. */
    public static int ipmmuUtlbs(Node ipmmu) {
        Property p = ipmmu.property("compatible");
        IpmmuFeatures f = IpmmuFeatures.forCompatibles(p == null ? List.of() : p.value().strings());
        return f == null ? -1 : f.numUtlbs;
    }

    /** The IPMMU generation's name ({@code GEN3}), or null. */
    public static String ipmmuGeneration(Node ipmmu) {
        Property p = ipmmu.property("compatible");
        IpmmuFeatures f = IpmmuFeatures.forCompatibles(p == null ? List.of() : p.value().strings());
        return f == null ? null : f.name();
    }
}
