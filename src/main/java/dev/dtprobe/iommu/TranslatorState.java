package dev.dtprobe.iommu;

import java.util.List;
import java.util.Map;

/**
 * What an IOMMU driver programmed into its translator by the end of the boot, for reports:
 * the SMR/S2CR entries of an SMMU, the STEs of an SMMUv3, the uTLB-to-context routes of an IPMMU.
 *
 * @param iommu   the IOMMU's DT path
 * @param model   the translator model ({@code "arm-smmu"}, {@code "arm-smmu-v3"}, {@code "ipmmu-vmsa"})
 * @param entries one map per programmed entry, with fields named after the hardware's
 */
public record TranslatorState(String iommu, String model, List<Map<String, Object>> entries) {
}
