package dev.dtprobe.translate.pgtable;

/**
 * What every translator's result says, whatever else its model records (translators.md §0):
 * OK(pa, perm, mappingSize), BYPASS(pa = iova), ABORT (silent) or FAULT(recorded or not).
 *
 * <p>Each model keeps its own result type for what only it reports (SMMU v1/v2 stream mapping
 * entry and context bank, SMMUv3 event ID and stage, IPMMU context and IMSTR bits, grant
 * reference); they all implement this, so callers that only need the common part (the IOMMU
 * core's DMA port) read it one way.
 */
public interface TranslatorResult {
    enum Outcome { OK, BYPASS, ABORT, FAULT }

    Outcome outcome();

    /** The PA for OK, the IOVA itself for BYPASS, -1 for ABORT and FAULT. */
    long outputAddress();

    /** Effective permissions ({@link Xlate#R} | W | X) for OK; all three for BYPASS; 0 otherwise. */
    int perm();

    /** Bytes of the mapping that hit for OK; 0 otherwise. */
    long mappingSize();

    /** A fault that left a record the OS can read (fault register, event queue entry). */
    boolean recorded();
}
