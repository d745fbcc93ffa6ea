package dev.dtprobe.kernel;

/**
 * Everything about the simulated kernel that changes behaviour: the version (which sets the
 * era defaults of kernel-semantics.md §0) and the command-line overrides. Immutable; build one
 * with {@link #forVersion} and {@link #withCmdline}.
 */
public record KernelProfile(
        KernelVersion version,
        Arch arch,
        boolean modules,
        int deferredProbeTimeout,
        FwDevlinkMode fwDevlink,
        boolean fwDevlinkStrict,
        boolean iommuPassthrough,
        boolean iommuStrict,
        boolean passthroughFromCmdline,
        boolean strictFromCmdline) {

    /** The CPU architecture: only ARM32's dma-mapping keeps stale ops across a deferral. */
    public enum Arch { ARM64, ARM }

    /** The reference configuration of the scenarios (E5, arm64, modules, fw_devlink=on). */
    public static final KernelVersion DEFAULT_VERSION = new KernelVersion(6, 6);

    public static KernelProfile forVersion(KernelVersion v) {
        return forVersion(v, true, Arch.ARM64);
    }

    public static KernelProfile forVersion(KernelVersion v, boolean modules, Arch arch) {
        return new KernelProfile(v, arch, modules, defaultTimeout(v, modules), defaultFwDevlink(v), false,
                false, true, false, false);
    }

    /** §1.8: -1 (4.19–5.6), 30 with modules (5.7), 0 (5.8–5.19), 10 with modules (6.0+). */
    static int defaultTimeout(KernelVersion v, boolean modules) {
        Era era = Era.of(v);
        return switch (era) {
            case E0, E1, E2 -> -1;
            case E3 -> modules ? 30 : -1;
            case E4 -> 0;
            case E5, E6 -> modules ? 10 : 0;
        };
    }

    /** §2.1: permissive from 5.7, on from 5.13; before 5.7 fw_devlink did not exist. */
    static FwDevlinkMode defaultFwDevlink(KernelVersion v) {
        if (v.before(5, 7)) {
            return FwDevlinkMode.OFF;
        }
        return v.before(5, 13) ? FwDevlinkMode.PERMISSIVE : FwDevlinkMode.ON;
    }

    public Era era() {
        return Era.of(version);
    }

    public KernelProfile withModules(boolean on) {
        return edit(b -> {
            b.modules = on;
            b.deferredProbeTimeout = defaultTimeout(version, on);
        });
    }

    public KernelProfile withArch(Arch a) {
        return edit(b -> b.arch = a);
    }

    public KernelProfile withDeferredProbeTimeout(int seconds) {
        return edit(b -> b.deferredProbeTimeout = seconds);
    }

    public KernelProfile withFwDevlink(FwDevlinkMode mode) {
        return edit(b -> b.fwDevlink = mode);
    }

    public KernelProfile withFwDevlinkStrict(boolean strict) {
        return edit(b -> b.fwDevlinkStrict = strict);
    }

    public KernelProfile withIommuPassthrough(boolean on) {
        return edit(b -> {
            b.iommuPassthrough = on;
            b.passthroughFromCmdline = true;
        });
    }

    public KernelProfile withIommuStrict(boolean on) {
        return edit(b -> {
            b.iommuStrict = on;
            b.strictFromCmdline = true;
        });
    }

    /** A copy with some fields changed: the record's components as mutable fields. */
    private KernelProfile edit(java.util.function.Consumer<Fields> change) {
        Fields f = new Fields(this);
        change.accept(f);
        return new KernelProfile(version, f.arch, f.modules, f.deferredProbeTimeout, f.fwDevlink, f.fwDevlinkStrict,
                f.iommuPassthrough, f.iommuStrict, f.passthroughFromCmdline, f.strictFromCmdline);
    }

    private static final class Fields {
        Arch arch;
        boolean modules;
        int deferredProbeTimeout;
        FwDevlinkMode fwDevlink;
        boolean fwDevlinkStrict;
        boolean iommuPassthrough;
        boolean iommuStrict;
        boolean passthroughFromCmdline;
        boolean strictFromCmdline;

        Fields(KernelProfile p) {
            arch = p.arch;
            modules = p.modules;
            deferredProbeTimeout = p.deferredProbeTimeout;
            fwDevlink = p.fwDevlink;
            fwDevlinkStrict = p.fwDevlinkStrict;
            iommuPassthrough = p.iommuPassthrough;
            iommuStrict = p.iommuStrict;
            passthroughFromCmdline = p.passthroughFromCmdline;
            strictFromCmdline = p.strictFromCmdline;
        }
    }

    // ---- behaviour switches derived from the version (each cites its section) ----

    /** §1.8: deferred_probe_extend_timeout() on driver_register, v5.19+. */
    public boolean extendsTimeoutOnRegister() {
        return version.atLeast(5, 19);
    }

    /** §1.8: when fw_devlink_drivers_done() exists (v5.13+). */
    public boolean hasFwDevlinkDriversDone() {
        return version.atLeast(5, 13);
    }

    /** §1.8 step 4: the text of the "deferred probe pending" line and its level. */
    public boolean pendingLineHasReason() {
        return version.atLeast(6, 8);
    }

    public boolean pendingLineIsWarning() {
        return version.atLeast(6, 10);
    }

    /** §2.8: cycle detection with DL_FLAG_CYCLE (v6.3+) versus sync-state-only relaxing. */
    public boolean modernCycleHandling() {
        return version.atLeast(6, 3);
    }

    /** §4.2 step 4: "iommu configuration for device failed with %pe" (≈6.8–6.14). */
    public boolean logsIommuConfigFailure() {
        return version.atLeast(6, 8) && version.before(6, 15);
    }

    /** §4.4: a second iommus entry whose IOMMU is not registered gives -EINVAL up to ≈6.10. */
    public boolean secondEntryNullOpsBug() {
        return version.before(6, 11);
    }

    /** §5.6: DMA ownership counting (v5.19+). */
    public boolean hasDmaOwnership() {
        return version.atLeast(5, 19);
    }

    /** §5.1: bus_set_iommu (one IOMMU driver per bus) until v6.1. */
    public boolean oneIommuDriverPerBus() {
        return version.before(6, 1);
    }

    /** §4.3 step 8: fwspec freed when IOMMU configuration fails (6.8+). */
    public boolean freesFwspecOnFailure() {
        return version.atLeast(6, 8);
    }

    /** §3.3/§6: fwspec and group made at device add or IOMMU registration (6.15+). */
    public boolean iommuProbeAtDeviceAdd() {
        return era() == Era.E6;
    }

    /** §4.7: ARM32 before v4.12 keeps dev->dma_ops across a deferral (the 2017 fix). */
    public boolean keepsStaleDmaOps() {
        return arch == Arch.ARM && version.before(4, 12);
    }

    /** §4.4: whether an unregistered IOMMU makes the master defer at all. */
    public boolean iommuDefers() {
        return era() != Era.E0;
    }

    /** The default domain type every group gets unless a driver asks otherwise (§5.5). */
    public String defaultDomainLabel() {
        return iommuPassthrough ? "Passthrough" : "Translated";
    }
}
