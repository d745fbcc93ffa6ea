package dev.dtprobe.driver;

import dev.dtprobe.iommu.IommuKind;
import java.util.List;

/**
 * One kernel driver as dtprobe models it: what it matches, when it registers, and what its
 * probe does.
 *
 * @param name             driver name as the kernel prints it ({@code "arm-smmu-v3"})
 * @param compatibles      its {@code of_match_table}, in table order
 * @param bus              the bus it registers on
 * @param level            initcall level of its registration when built in
 * @param linkOrder        order within the level (Makefile link order; lower registers first)
 * @param config           the Kconfig symbol that builds it ({@code "CONFIG_ARM_SMMU_V3"}), or null
 * @param acquires         supplier properties its probe requests (for example {@code clocks},
 *                         {@code resets}, {@code *-supply}, {@code pinctrl-0}); a missing or
 *                         unbound supplier makes the probe return -EPROBE_DEFER
 * @param driverManagedDma true for VFIO-style drivers that own the DMA of the whole group
 * @param iommu            the IOMMU it registers when bound, or null for ordinary drivers
 * @param populatesChildren true when its probe creates devices for its child nodes
 *                         ({@code of_platform_populate}, I2C/SPI controllers, PCI hosts)
 * @param childBus         the bus of those devices: {@link BusType#PLATFORM} for
 *                         {@code of_platform_populate}, {@link BusType#I2C} for an I2C adapter,
 *                         {@link BusType#SPI} for an SPI controller, {@link BusType#RPMSG} for a
 *                         Qualcomm SMD/GLINK transport (PCI hosts and the fsl-mc bus are
 *                         recognised by their nodes)
 */
public record DriverSpec(String name, List<String> compatibles, BusType bus, InitcallLevel level,
        int linkOrder, String config, List<String> acquires, boolean driverManagedDma,
        IommuKind iommu, boolean populatesChildren, BusType childBus) {

    public DriverSpec {
        compatibles = List.copyOf(compatibles);
        acquires = acquires == null ? List.of() : List.copyOf(acquires);
        childBus = childBus == null ? BusType.PLATFORM : childBus;
    }

    /** A driver whose children, if it populates any, are platform devices. */
    public DriverSpec(String name, List<String> compatibles, BusType bus, InitcallLevel level, int linkOrder,
            String config, List<String> acquires, boolean driverManagedDma, IommuKind iommu,
            boolean populatesChildren) {
        this(name, compatibles, bus, level, linkOrder, config, acquires, driverManagedDma, iommu, populatesChildren,
                BusType.PLATFORM);
    }

    /** Index of the first entry of the match table equal to {@code compatible}, or -1. */
    public int matchIndex(String compatible) {
        return compatibles.indexOf(compatible);
    }
}
