package dev.dtprobe.iommu;

/**
 * What a device's DMA goes through after boot: the default domain its IOMMU driver programmed,
 * a bypass, or nothing at all. {@code map}/{@code unmap} act on the domain the way the kernel's
 * DMA API does; {@code translate} is one transaction from the device.
 */
public interface DmaPort {
    /** @return 0, or a negative errno ({@code -EEXIST} on overlap, {@code -EINVAL}, ...) */
    int map(long iova, long pa, long size, boolean read, boolean write);

    /** @return the bytes unmapped */
    long unmap(long iova, long size);

    DmaResult translate(long iova, boolean write);

    /** Invalidates every cached translation of the domain, as its driver's flush-all does. */
    default void invalidateAll() {
    }

    /** What the port is, for the report ({@code "SMMUv3 /smmu@... SID 0x8"}). */
    String describe();
}
