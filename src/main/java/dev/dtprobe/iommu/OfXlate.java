package dev.dtprobe.iommu;

import dev.dtprobe.kernel.DmaMaster;
import dev.dtprobe.kernel.Errno;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import java.util.Set;

/**
 * Each IOMMU driver's {@code of_xlate} and {@code probe_device} rules for the specifier cells
 * (§4.6): what ID the cells become, and which IDs or devices the driver rejects.
 */
final class OfXlate {
    /**
     * arm-smmu's streamid_mask when the model has no better figure: SMMUv2 implementations have
     * at most 16-bit stream IDs (SMMU_IDR0.NUMSIDB). SMMUv3 stream IDs go up to 32 bits, so the
     * model does not range-check them.
     */
    static final long SMMU_V2_STREAM_ID_MASK = 0xffff;

    /** ipmmu-vmsa's devices_allowlist on R-Car Gen3 (v5.10-era list); PCI devices are allowed too. */
    private static final Set<String> IPMMU_ALLOWLIST = Set.of(
            "ee100000.mmc", "ee120000.mmc", "ee140000.mmc", "ee160000.mmc");

    private OfXlate() {
    }

    /** The fwspec ID for one specifier, or a negative errno when of_xlate rejects it. */
    static long xlate(IommuInstance iommu, DmaMaster dev, long[] args) {
        return switch (iommu.kind()) {
            case ARM_SMMU -> {
                // fwid = SMR ID | SMR mask << 16; with no cells the ID is 0 (S11 c)
                long sid = args.length > 0 ? args[0] : 0;
                long mask = args.length > 1 ? args[1] : streamMatchMask(iommu.node());
                yield (sid & 0xffffffffL) | (mask << 32);
            }
            case ARM_SMMU_V3, GENERIC -> args.length < 1 ? 0 : args[0];
            case IPMMU_VMSA -> {
                if (!dev.isPci() && !IPMMU_ALLOWLIST.contains(dev.name())) {
                    yield -Errno.ENODEV;
                }
                yield args.length < 1 ? 0 : args[0];
            }
            case XEN_GRANT_STUB -> -Errno.ENODEV;
        };
    }

    /** probe_device's range check; returns 0 or a negative errno, and the kernel's message. */
    static ProbeCheck probeDevice(IommuInstance iommu, Fwspec spec) {
        if (iommu.kind() != IommuKind.ARM_SMMU) {
            return new ProbeCheck(0, null);
        }
        for (long id : spec.ids()) {
            long sid = id & 0xffffffffL;
            long mask = id >>> 32;
            if ((sid & ~SMMU_V2_STREAM_ID_MASK) != 0) {
                return new ProbeCheck(-Errno.ERANGE, String.format(
                        "stream ID 0x%x out of range for SMMU (0x%x)", sid, SMMU_V2_STREAM_ID_MASK));
            }
            if ((mask & ~SMMU_V2_STREAM_ID_MASK) != 0) {
                return new ProbeCheck(-Errno.ERANGE, String.format(
                        "SMR mask 0x%x out of range for SMMU (0x%x)", mask, SMMU_V2_STREAM_ID_MASK));
            }
        }
        return new ProbeCheck(0, null);
    }

    record ProbeCheck(int errno, String message) {
    }

    private static long streamMatchMask(Node smmu) {
        Property p = smmu.property("stream-match-mask");
        return p != null && p.value().length() == 4 ? p.value().cellAt(0) : 0;
    }
}
