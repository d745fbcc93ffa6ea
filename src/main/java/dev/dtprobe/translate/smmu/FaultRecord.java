package dev.dtprobe.translate.smmu;

/** One recorded SMMU fault, global (cbndx -1) or in a context bank, in the order they happened. */
public record FaultRecord(SmmuResult.Fault fault, int sid, long iova, boolean write, int cbndx, int level) {
    @Override public String toString() {
        return String.format("%s sid=0x%x iova=0x%x %s%s", fault, sid, iova, write ? "W" : "R",
                cbndx >= 0 ? " cb" + cbndx + " L" + level : "");
    }
}
