package dev.dtprobe.translate.smmu;

import dev.dtprobe.translate.pgtable.TranslatorResult;
import dev.dtprobe.translate.pgtable.Xlate;

/**
 * The outcome of one transaction (translators.md §0): OK(pa, perm, mappingSize), BYPASS(pa =
 * iova), ABORT(silent) or FAULT(kind, recorded).
 */
public final class SmmuResult implements TranslatorResult {
    public enum Kind { OK, BYPASS, ABORT, FAULT }

    /** The fault kinds an SMMU v1/v2 reports. */
    public enum Fault {
        /** No SMR matched and sCR0.USFCFG = 1 (global, sGFSR.USF). */
        UNIDENTIFIED_STREAM,
        /** More than one SMR matched (global, sGFSR.SMCF). */
        STREAM_MATCH_CONFLICT,
        /** The S2CR of the stream has TYPE = FAULT (global; recorded as sGFSR.USF in this model). */
        S2CR_FAULT,
        /** S2CR.CBNDX names a bank that is not implemented (global, sGFSR.UCBF). */
        UNIMPLEMENTED_CONTEXT_BANK,
        /** Context faults (FSR.TF / PF / AFF / ASF / EF). */
        TRANSLATION, PERMISSION, ACCESS_FLAG, ADDRESS_SIZE, WALK_EXTERNAL_ABORT;

        public boolean global() { return ordinal() <= UNIMPLEMENTED_CONTEXT_BANK.ordinal(); }

        static Fault fromXlate(int kind) {
            return switch (kind) {
                case Xlate.F_TRANSLATION -> TRANSLATION;
                case Xlate.F_PERMISSION -> PERMISSION;
                case Xlate.F_ACCESS -> ACCESS_FLAG;
                case Xlate.F_ADDR_SIZE -> ADDRESS_SIZE;
                default -> WALK_EXTERNAL_ABORT;
            };
        }
    }

    public final Kind kind;
    /** Output address (OK, BYPASS); 0 otherwise. */
    public final long pa;
    /** Effective permissions ({@link Xlate#R} | W | X); BYPASS gives all three. */
    public final int perm;
    /** Size of the mapping that hit (OK); 0 otherwise. */
    public final long mappingSize;
    public final Fault fault;
    /** The fault was recorded in a fault register (sGFSR or the bank's FSR). */
    public final boolean recorded;
    /** Leaf level (OK) or level where the walk stopped (context faults); -1 otherwise. */
    public final int level;
    /** Stream mapping entry used, or -1. */
    public final int sme;
    /** Context bank used, or -1. */
    public final int cbndx;

    private SmmuResult(Kind kind, long pa, int perm, long mappingSize, Fault fault, boolean recorded, int level, int sme, int cbndx) {
        this.kind = kind;
        this.pa = pa;
        this.perm = perm;
        this.mappingSize = mappingSize;
        this.fault = fault;
        this.recorded = recorded;
        this.level = level;
        this.sme = sme;
        this.cbndx = cbndx;
    }

    static SmmuResult ok(long xlate, int sme, int cbndx) {
        return new SmmuResult(Kind.OK, Xlate.pa(xlate), Xlate.perm(xlate), Xlate.mappingSize(xlate), null, false, Xlate.level(xlate), sme, cbndx);
    }

    static SmmuResult bypass(long iova, int sme, int cbndx) {
        return new SmmuResult(Kind.BYPASS, iova, Xlate.R | Xlate.W | Xlate.X, 0, null, false, -1, sme, cbndx);
    }

    static SmmuResult fault(Fault f, boolean recorded, int level, int sme, int cbndx) {
        return new SmmuResult(Kind.FAULT, 0, 0, 0, f, recorded, level, sme, cbndx);
    }

    @Override public Outcome outcome() {
        return switch (kind) {
            case OK -> Outcome.OK;
            case BYPASS -> Outcome.BYPASS;
            case ABORT -> Outcome.ABORT;
            case FAULT -> Outcome.FAULT;
        };
    }

    @Override public int perm() { return perm; }

    @Override public long mappingSize() { return mappingSize; }

    @Override public boolean recorded() { return recorded; }

    public boolean isOk() { return kind == Kind.OK; }

    public boolean isBypass() { return kind == Kind.BYPASS; }

    public boolean isFault() { return kind == Kind.FAULT; }

    /** The output address for OK and BYPASS; -1 for ABORT and FAULT. */
    @Override public long outputAddress() { return kind == Kind.OK || kind == Kind.BYPASS ? pa : -1; }

    @Override public String toString() {
        return switch (kind) {
            case OK -> String.format("OK(pa=0x%x, perm=%s, size=0x%x, cb=%d)", pa, permString(perm), mappingSize, cbndx);
            case BYPASS -> String.format("BYPASS(pa=0x%x)", pa);
            case ABORT -> "ABORT";
            case FAULT -> "FAULT(" + fault + (recorded ? ", recorded" : "") + (level >= 0 ? ", L" + level : "") + ")";
        };
    }

    static String permString(int p) {
        return ((p & Xlate.R) != 0 ? "r" : "-") + ((p & Xlate.W) != 0 ? "w" : "-") + ((p & Xlate.X) != 0 ? "x" : "-");
    }
}
