package dev.dtprobe.lint.probe;

import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.Device;
import dev.dtprobe.kernel.LogLine;
import dev.dtprobe.tree.Node;
import java.util.Locale;

/** Wording the probe rules share: times, DMA paths, kernel log lines. */
final class Texts {
    private Texts() {
    }

    static String seconds(long micros) {
        return String.format(Locale.ROOT, "%.3f s", micros / 1e6);
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    /** Where the device's DMA goes when it has no IOMMU group. */
    static String dmaWithoutIommu(Device d) {
        return switch (d.dmaOps()) {
            case XEN_GRANT -> "its DMA uses Xen grant DMA ops (backend domain " + d.xenBackendDomid() + ")";
            case IOMMU -> "it keeps stale IOMMU DMA ops";
            default -> "its DMA bypasses translation (bus addresses are physical addresses)";
        };
    }

    /** The first kernel log line about this device containing {@code text}, or null. */
    static String logLine(BootResult boot, Device d, String text) {
        for (LogLine l : boot.log()) {
            if (d.name().equals(l.device()) && l.message().contains(text)) {
                return l.message();
            }
        }
        return null;
    }

    /**
     * The kernel line that ends a device's wait for an IOMMU that never registered ("deferred probe
     * timeout, ignoring dependency", or "ignoring dependency for device, assuming no driver"), when
     * the device then bound with no IOMMU group; null otherwise.
     */
    static String gaveUpOnIommu(BootResult boot, Device d) {
        if (d.state() != dev.dtprobe.driver.DeviceState.BOUND || d.deferCount() == 0 || boot.iommu().group(d) != null) {
            return null;
        }
        return logLine(boot, d, "ignoring dependency");
    }

    static String label(Node n) {
        return n.isRoot() ? "/" : n.path();
    }
}
