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
    /** Stream IDs an SMMU accepts when the model has no better figure (16-bit stream IDs). */
    static final long DEFAULT_STREAM_ID_LIMIT = 0x10000;

    /** ipmmu-vmsa's devices_allowlist on R-Car Gen3 (v5.10-era list); PCI devices are allowed too. */
    private static final Set<String> IPMMU_ALLOWLIST = Set.of(
            "ee100000.mmc", "ee120000.mmc", "ee140000.mmc", "ee160000.mmc");

    private OfXlate() {
    }

    /** The fwspec ID for one specifier, or a negative errno when of_xlate rejects it. */
    static long xlate(IommuInstance iommu, DmaMaster dev, long[] args) {
        return switch (iommu.kind()) {
            case ARM_SMMU -> {
                if (args.length < 1) {
                    yield -Errno.EINVAL;
                }
                long sid = args[0] & 0xffff;
                long mask = args.length > 1 ? args[1] & 0xffff : streamMatchMask(iommu.node());
                yield sid | (mask << 16);
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
        for (long id : spec.ids()) {
            switch (iommu.kind()) {
                case ARM_SMMU -> {
                    long sid = id & 0xffff;
                    if (sid >= DEFAULT_STREAM_ID_LIMIT) {
                        return new ProbeCheck(-Errno.ERANGE, String.format(
                                "stream ID 0x%x out of range for SMMU (0x%x)", sid, DEFAULT_STREAM_ID_LIMIT - 1));
                    }
                }
                case ARM_SMMU_V3 -> {
                    if (id >= DEFAULT_STREAM_ID_LIMIT) {
                        return new ProbeCheck(-Errno.ERANGE, null);
                    }
                }
                default -> {
                }
            }
        }
        return new ProbeCheck(0, null);
    }

    record ProbeCheck(int errno, String message) {
    }

    private static long streamMatchMask(Node smmu) {
        Property p = smmu.property("stream-match-mask");
        return p != null && p.value().length() == 4 ? p.value().cellAt(0) & 0xffff : 0;
    }
}
