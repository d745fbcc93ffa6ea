package dev.dtprobe.translate.ipmmu;

import dev.dtprobe.translate.pgtable.TranslatorResult;
import dev.dtprobe.translate.pgtable.Xlate;

/**
 * Result of one transaction through an IPMMU, shaped like the common translator result
 * (translators.md §0): {@code OK(pa, perm, mappingSize)}, {@code BYPASS(pa = iova)} or
 * {@code FAULT(kind, recorded)}. The IPMMU has no silent abort: every walk fault is latched in the
 * root context's IMSTR/IMELAR/IMEUAR.
 */
public sealed interface IpmmuResult extends TranslatorResult {

    long iova();

    /** The output address (PA, or the IOVA itself for a bypass); -1 for a fault. */
    long pa();

    @Override default long outputAddress() { return pa(); }

    /**
     * @param perm        effective permissions ({@link Xlate#R} | {@link Xlate#W} | {@link Xlate#X})
     * @param mappingSize bytes of the leaf that hit (4K, 2M or 1G)
     * @param ctx         the context (IMUCTR.TTSEL) that translated
     */
    record Ok(long iova, long pa, int perm, long mappingSize, int level, int ctx) implements IpmmuResult {
        @Override public Outcome outcome() { return Outcome.OK; }

        @Override public boolean recorded() { return false; }

        @Override public String toString() {
            return String.format("OK iova=0x%x pa=0x%x size=0x%x ctx=%d", iova, pa, mappingSize, ctx);
        }
    }

    /** The uTLB (IMUCTR.MMUEN = 0) or the context (IMCTR.MMUEN = 0) is disabled: pa = iova. */
    record Bypass(long iova) implements IpmmuResult {
        @Override public long pa() { return iova; }

        @Override public Outcome outcome() { return Outcome.BYPASS; }

        @Override public int perm() { return Xlate.R | Xlate.W | Xlate.X; }

        @Override public long mappingSize() { return 0; }

        @Override public boolean recorded() { return false; }
    }

    /**
     * @param kind      {@link Xlate} fault kind ({@link Xlate#F_TRANSLATION}, {@link Xlate#F_PERMISSION}, ...)
     * @param level     LPAE level at which the walk stopped
     * @param ctx       the root context whose IMSTR latched it
     * @param imstrBits the IMSTR bits this fault set (TF, PF or ABORT)
     * @param recorded  always true: the root latches every fault in IMSTR/IMELAR/IMEUAR
     */
    record Fault(long iova, int kind, int level, int ctx, int imstrBits, boolean recorded) implements IpmmuResult {
        @Override public long pa() { return -1; }

        @Override public Outcome outcome() { return Outcome.FAULT; }

        @Override public int perm() { return 0; }

        @Override public long mappingSize() { return 0; }

        @Override public String toString() {
            return String.format("FAULT %s@L%d iova=0x%x ctx=%d imstr=0x%x", Xlate.faultName(kind), level, iova, ctx,
                    imstrBits);
        }
    }
}
