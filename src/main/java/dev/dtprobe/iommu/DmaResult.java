package dev.dtprobe.iommu;

import java.util.Locale;

/**
 * One DMA transaction's outcome as the translator reports it (translators.md §0): the PA with
 * permissions and mapping size, a bypass, a silent abort, or a fault with the translator's own
 * record text.
 */
public record DmaResult(Kind kind, long pa, String perm, long mappingSize, String fault) {

    public enum Kind { OK, BYPASS, DIRECT, ABORT, FAULT }

    public static DmaResult direct(long iova) {
        return new DmaResult(Kind.DIRECT, iova, "rw", 0, null);
    }

    public String render() {
        return switch (kind) {
            case OK -> String.format(Locale.ROOT, "PA 0x%x (%s, %s page)", pa, perm, size(mappingSize));
            case BYPASS -> String.format(Locale.ROOT, "PA 0x%x (bypass)", pa);
            case DIRECT -> String.format(Locale.ROOT, "PA 0x%x (no IOMMU: direct DMA)", pa);
            case ABORT -> "aborted (silently)";
            case FAULT -> "fault: " + fault;
        };
    }

    private static String size(long bytes) {
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + "G";
        }
        if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + "M";
        }
        return (bytes >> 10) + "K";
    }
}
