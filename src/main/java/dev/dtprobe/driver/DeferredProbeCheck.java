package dev.dtprobe.driver;

import dev.dtprobe.iommu.ProbeStateCheck;
import dev.dtprobe.kernel.BootLog;
import dev.dtprobe.kernel.DmaMaster;
import dev.dtprobe.kernel.Era;
import dev.dtprobe.kernel.Errno;
import dev.dtprobe.kernel.KernelProfile;
import dev.dtprobe.kernel.LogLevel;
import dev.dtprobe.tree.Node;
import java.util.Set;

/**
 * {@code driver_deferred_probe_check_state} (§1.8): what a subsystem waiting for a missing
 * provider (the IOMMU code) is told, which depends on {@code initcalls_done} and on the
 * current {@code driver_deferred_probe_timeout}; both live here.
 */
final class DeferredProbeCheck implements ProbeStateCheck {
    private final KernelProfile profile;
    private final BootLog log;
    private boolean initcallsDone;
    private int timeout;
    private Set<String> builtinIommuCompatibles = Set.of();

    DeferredProbeCheck(KernelProfile profile, BootLog log) {
        this.profile = profile;
        this.log = log;
        this.timeout = profile.deferredProbeTimeout();
    }

    void setInitcallsDone() {
        initcallsDone = true;
    }

    int timeout() {
        return timeout;
    }

    /** The timeout work sets the timeout to 0 before its retry pass. */
    void timeoutFired() {
        timeout = 0;
    }

    void setBuiltinIommuCompatibles(Set<String> compatibles) {
        builtinIommuCompatibles = Set.copyOf(compatibles);
    }

    @Override
    public int deferredProbeCheckState(DmaMaster m) {
        Device dev = (Device) m;
        String prefix = dev.driverString();
        if (profile.era() == Era.E2) {
            if (initcallsDone) {
                if (timeout == 0) {
                    log.dev(LogLevel.WARNING, prefix, dev.name(), "deferred probe timeout, ignoring dependency");
                    return -Errno.ETIMEDOUT;
                }
                log.dev(LogLevel.WARNING, prefix, dev.name(), "ignoring dependency for device, assuming no driver");
                return -Errno.ENODEV;
            }
            return -Errno.EPROBE_DEFER;
        }
        if (!profile.modules() && initcallsDone) {
            log.dev(LogLevel.WARNING, prefix, dev.name(), "ignoring dependency for device, assuming no driver");
            return -Errno.ENODEV;
        }
        if (timeout == 0 && initcallsDone) {
            log.dev(LogLevel.WARNING, prefix, dev.name(), "deferred probe timeout, ignoring dependency");
            return -Errno.ETIMEDOUT;
        }
        return -Errno.EPROBE_DEFER;
    }

    /** E1: a built-in IOMMU driver (IOMMU_OF_DECLARE then) matches the node. */
    @Override
    public boolean builtinDriverDeclared(Node iommuNode) {
        for (String c : DevicePopulator.compatibles(iommuNode)) {
            if (builtinIommuCompatibles.contains(c)) {
                return true;
            }
        }
        return false;
    }
}
