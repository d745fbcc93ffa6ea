package dev.dtprobe.translate.xen;

import dev.dtprobe.translate.pgtable.TranslatorResult;
import dev.dtprobe.translate.pgtable.Xlate;

/**
 * Result of one backend access through a grant DMA address, shaped like the common translator
 * result ({@code OK(pa, perm, mappingSize)} or {@code FAULT(kind, recorded)}). Grant DMA has no
 * bypass and no silent abort.
 */
public sealed interface GrantTranslation extends TranslatorResult {

    int PERM_READ = Xlate.R;
    int PERM_WRITE = Xlate.W;

    /** The DMA address that was looked up. */
    long dma();

    boolean ok();

    /**
     * @param pa          guest physical address: {@code frame << 12 | offset}
     * @param perm        effective permission of the grant ({@link #PERM_READ}, plus {@link #PERM_WRITE}
     *                    unless read-only)
     * @param mappingSize always 4096: one grant covers one Xen page
     * @param gref        the grant reference used
     * @param offset      offset within the page
     */
    record Ok(long dma, long pa, int perm, long mappingSize, int gref, int offset) implements GrantTranslation {
        @Override
        public boolean ok() {
            return true;
        }

        @Override public Outcome outcome() { return Outcome.OK; }

        @Override public long outputAddress() { return pa; }

        @Override public boolean recorded() { return false; }
    }

    /**
     * @param kind     why it was refused
     * @param gref     the decoded grant reference (51 bits; meaningless for {@link GrantFault#NOT_GRANT_ADDRESS})
     * @param recorded always false: Xen only prints a debug line, no fault record reaches the guest
     * @param message  Xen-style log text for the refusal
     */
    record Fault(long dma, GrantFault kind, long gref, boolean recorded, String message) implements GrantTranslation {
        @Override
        public boolean ok() {
            return false;
        }

        @Override public Outcome outcome() { return Outcome.FAULT; }

        @Override public long outputAddress() { return -1; }

        @Override public int perm() { return 0; }

        @Override public long mappingSize() { return 0; }
    }
}
