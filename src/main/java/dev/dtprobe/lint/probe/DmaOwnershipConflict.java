package dev.dtprobe.lint.probe;

import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.Device;
import dev.dtprobe.driver.DeviceState;
import dev.dtprobe.driver.DriverSpec;
import dev.dtprobe.iommu.IommuGroup;
import dev.dtprobe.kernel.DmaMaster;
import dev.dtprobe.kernel.Errno;
import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import java.util.ArrayList;
import java.util.List;

/**
 * One IOMMU group whose devices have drivers with different DMA ownership: a
 * {@code driver_managed_dma} driver (VFIO) beside a kernel-DMA driver.
 */
public final class DmaOwnershipConflict extends LintRule {
    static final RuleInfo INFO = RuleInfo.builder("dma-ownership-conflict", RuleLevel.ERROR, RuleCategory.PROBE)
            .summary("an IOMMU group mixes a user-owned (VFIO) device with kernel-DMA drivers")
            .description("""
                    An IOMMU group is the unit of DMA isolation: VFIO can hand a group to user space
                    only as a whole. When the boot puts a device bound to a driver_managed_dma driver
                    (vfio-platform through driver_override, vfio-pci) in one group with a device whose
                    driver uses the kernel DMA API, v5.19+ refuses one of them: a kernel driver that
                    probes after VFIO claimed the group fails in iommu_device_use_default_domain()
                    with -EBUSY and no log line; VFIO claiming a group kernel drivers use gets -EPERM
                    (the group is "not viable"). Before v5.19 nothing checked, and the kernel hit a
                    BUG_ON in vfio_iommu_group_notifier(). Groups are per IPMMU instance, per shared
                    SMMU stream, or follow PCI topology without ACS: give the devices separate
                    streams/instances, or assign the whole group.""")
            .example("""
                    / {
                        #address-cells = <1>;
                        #size-cells = <1>;
                        soc {
                            compatible = "simple-bus";
                            #address-cells = <1>;
                            #size-cells = <1>;
                            ranges;
                            ipmmu_ds1: iommu@e7740000 {   /* ipmmu-vmsa: one group per instance */
                                compatible = "renesas,ipmmu-r8a7795";
                                reg = <0xe7740000 0x1000>;
                                #iommu-cells = <1>;
                            };
                            /* booted with driver_override ee100000.mmc=vfio-platform */
                            mmc@ee100000 { compatible = "renesas,sdhi-r8a7795"; reg = <0xee100000 0x2000>; iommus = <&ipmmu_ds1 32>; };
                            mmc@ee140000 { compatible = "renesas,sdhi-r8a7795"; reg = <0xee140000 0x2000>; iommus = <&ipmmu_ds1 34>; };
                        };
                    };""")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void finish(LintContext ctx) {
        if (!ctx.canBoot()) {
            return;
        }
        BootResult boot = ctx.boot();
        for (IommuGroup g : boot.iommu().groups()) {
            if (g.devices().size() < 2) {
                continue;
            }
            List<Device> user = new ArrayList<>();
            List<Device> kernel = new ArrayList<>();
            for (DmaMaster m : g.devices()) {
                if (m instanceof Device d && driverOf(d) != null) {
                    (driverOf(d).driverManagedDma() ? user : kernel).add(d);
                }
            }
            if (!user.isEmpty() && !kernel.isEmpty()) {
                report(g, user.get(0), kernel, boot, ctx);
            }
        }
    }

    private static void report(IommuGroup g, Device owner, List<Device> kernel, BootResult boot, LintContext ctx) {
        String group = "IOMMU group " + g.id() + " (" + g.iommu().path() + ")";
        for (Device d : kernel) {
            if (d.node() == null) {
                continue;
            }
            String head = group + " holds " + owner.name() + ", bound to " + driverOf(owner).name()
                    + " (driver_managed_dma: user space owns the group's DMA), and " + d.name() + " with kernel-DMA driver "
                    + driverOf(d).name();
            String outcome;
            if (d.state() == DeviceState.FAILED && d.failErrno() == -Errno.EBUSY) {
                outcome = ": iommu_device_use_default_domain() fails with -EBUSY, so " + d.name()
                        + " never binds and the kernel logs nothing";
            } else if (!boot.profile().hasDmaOwnership()) {
                outcome = ": v" + boot.profile().version() + " has no DMA-ownership check (v5.19), so both bind and the "
                        + "kernel hits the BUG_ON in vfio_iommu_group_notifier() when VFIO uses the group";
            } else {
                outcome = ": VFIO's claim of the group fails with -EPERM while the kernel driver uses it (the group is "
                        + "not viable for user space)";
            }
            ctx.report(d.node(), "iommus", head + outcome);
        }
    }

    /** The driver bound, or the one whose attempt failed. */
    private static DriverSpec driverOf(Device d) {
        return d.driver() != null ? d.driver() : d.state() == DeviceState.FAILED ? d.lastDriver() : null;
    }
}
