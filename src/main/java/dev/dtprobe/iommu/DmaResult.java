package dev.dtprobe.iommu;

import dev.dtprobe.translate.pgtable.TranslatorResult;
import dev.dtprobe.translate.pgtable.Xlate;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * One DMA transaction's outcome as the translator reports it (translators.md §0): the PA with
 * permissions and mapping size, a bypass, a silent abort, or a fault with the translator's own
 * record text.
 */
public record DmaResult(Kind kind, long pa, String perm, long mappingSize, String fault) {

    public enum Kind { OK, BYPASS, DIRECT, ABORT, FAULT }

    /** A translator's result; faultRecord gives the translator's own record text for a fault. */
    public static DmaResult of(TranslatorResult r, Supplier<String> faultRecord) {
        return switch (r.outcome()) {
            case OK -> new DmaResult(Kind.OK, r.outputAddress(), permText(r.perm()), r.mappingSize(), null);
            case BYPASS -> new DmaResult(Kind.BYPASS, r.outputAddress(), "rw", 0, null);
            case ABORT -> new DmaResult(Kind.ABORT, 0, "", 0, null);
            case FAULT -> new DmaResult(Kind.FAULT, 0, "", 0, faultRecord.get());
        };
    }

    /** "rw", "r-", ... (DMA has no execute). */
    static String permText(int p) {
        return ((p & Xlate.R) != 0 ? "r" : "-") + ((p & Xlate.W) != 0 ? "w" : "-");
    }

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
