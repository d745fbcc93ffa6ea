package dev.dtprobe.iommu;

/**
 * The outcome of {@code of_iommu_configure} for one probe attempt.
 *
 * @param errno  0 when the device is behind an IOMMU; -EPROBE_DEFER to defer the probe; any
 *               other value means "no IOMMU" and the device carries on without one
 * @param reason a short explanation for reports ("IOMMU /soc/iommu@1000 not registered")
 */
public record IommuConfig(int errno, String reason) {
    public static final IommuConfig BEHIND_IOMMU = new IommuConfig(0, "behind an IOMMU");

    public boolean deferred() {
        return errno == -dev.dtprobe.kernel.Errno.EPROBE_DEFER;
    }

    public boolean behindIommu() {
        return errno == 0;
    }
}
