package dev.dtprobe.translate.smmuv3;

import dev.dtprobe.translate.pgtable.TranslatorResult;
import dev.dtprobe.translate.pgtable.Xlate;

/**
 * The outcome of one transaction (translators.md §0): OK(pa, perm, mappingSize), BYPASS(pa = iova),
 * ABORT (silent) or FAULT(event ID, recorded).
 */
public record SmmuResult(Kind kind, long pa, int perm, long mappingSize, int faultId, boolean recorded, boolean stage2)
        implements TranslatorResult {
    public enum Kind { OK, BYPASS, ABORT, FAULT }

    static final SmmuResult ABORTED = new SmmuResult(Kind.ABORT, 0, 0, 0, 0, false, false);

    static SmmuResult ok(long xlate) {
        return new SmmuResult(Kind.OK, Xlate.pa(xlate), Xlate.perm(xlate), Xlate.mappingSize(xlate), 0, false, false);
    }

    static SmmuResult bypass(long iova) {
        return new SmmuResult(Kind.BYPASS, iova, Xlate.R | Xlate.W | Xlate.X, 0, 0, false, false);
    }

    static SmmuResult fault(int id, boolean recorded, boolean s2) {
        return new SmmuResult(Kind.FAULT, 0, 0, 0, id, recorded, s2);
    }

    public boolean isOk() { return kind == Kind.OK; }

    public boolean isFault() { return kind == Kind.FAULT; }

    /** The address the transaction goes to (OK or BYPASS), else -1. */
    public long target() { return kind == Kind.OK || kind == Kind.BYPASS ? pa : -1; }

    @Override public long outputAddress() { return target(); }

    @Override public Outcome outcome() {
        return switch (kind) {
            case OK -> Outcome.OK;
            case BYPASS -> Outcome.BYPASS;
            case ABORT -> Outcome.ABORT;
            case FAULT -> Outcome.FAULT;
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case OK -> String.format("OK pa=0x%x perm=%d size=0x%x", pa, perm, mappingSize);
            case BYPASS -> String.format("BYPASS pa=0x%x", pa);
            case ABORT -> "ABORT";
            case FAULT -> Smmuv3Defs.eventName(faultId) + (stage2 ? " (S2)" : "") + (recorded ? " recorded" : " not recorded");
        };
    }
}
