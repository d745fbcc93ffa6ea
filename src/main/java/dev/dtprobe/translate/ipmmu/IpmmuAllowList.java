package dev.dtprobe.translate.ipmmu;

import dev.dtprobe.kernel.Errno;
import java.util.Set;

/**
 * {@code ipmmu_device_is_allowed} (translators.md §4.5): on R-Car Gen3, R-Car Gen4 and RZ/G2
 * devices must opt in; on the denylisted SoCs nothing is translated; elsewhere every device is
 * allowed. {@code ipmmu_of_xlate} returns -ENODEV for a device that is not allowed, so it keeps
 * no IOMMU (its DMA is untranslated).
 */
public final class IpmmuAllowList {
    private IpmmuAllowList() {}

    /** {@code devices_allowlist} (SDHI) and the later PCIe controller entries. */
    public static final Set<String> DEVICES = Set.of("ee100000.mmc", "ee120000.mmc", "ee140000.mmc",
            "ee160000.mmc", "e65d0000.pcie", "e65d0000.pcie-ep");

    /** {@code soc_device_attribute.family} of a SoC id, as renesas-soc reports it ("" if unknown). */
    public static String family(String socId) {
        return switch (socId) {
            case "r8a7795", "r8a7796", "r8a77961", "r8a77965", "r8a77970", "r8a77980", "r8a77990", "r8a77995" ->
                    "R-Car Gen3";
            case "r8a779a0", "r8a779f0", "r8a779g0", "r8a779h0" -> "R-Car Gen4";
            case "r8a774a1", "r8a774b1", "r8a774c0", "r8a774e1" -> "RZ/G2";
            default -> "";
        };
    }

    /** {@code soc_needs_opt_in}. */
    public static boolean needsOptIn(String socId) {
        return !family(socId).isEmpty();
    }

    /** {@code soc_denylist}: r8a774a1, r8a7795 ES1.x and ES2.x, r8a7796 (M3-W; not r8a77961). */
    public static boolean denied(String socId, String revision) {
        return switch (socId) {
            case "r8a774a1", "r8a7796" -> true;
            case "r8a7795" -> revision != null && (revision.startsWith("ES1.") || revision.startsWith("ES2."));
            default -> false;
        };
    }

    /**
     * @param socId    e.g. "r8a7795"
     * @param revision e.g. "ES3.0" (may be null)
     * @param devName  {@code dev_name(dev)}, e.g. "ee100000.mmc"
     * @param isPci    {@code dev_is_pci(dev)}
     */
    public static boolean deviceAllowed(String socId, String revision, String devName, boolean isPci) {
        if (!needsOptIn(socId)) return true;
        if (denied(socId, revision)) return false;
        if (isPci) return true;
        return DEVICES.contains(devName);
    }

    /** {@code ipmmu_of_xlate}'s verdict: 0, or -ENODEV for a device that is not allowed. */
    public static int ofXlate(String socId, String revision, String devName, boolean isPci) {
        return deviceAllowed(socId, revision, devName, isPci) ? 0 : -Errno.ENODEV;
    }
}
