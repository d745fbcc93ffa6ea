package dev.dtprobe.translate.pgtable;

/**
 * Geometry of an io-pgtable-arm LPAE table, derived as {@code arm_lpae_alloc_pgtable} does
 * (translators.md §3.1): granule, input/output address sizes, stage, levels, start level and
 * the page-size bitmap after {@code arm_lpae_restrict_pgsizes}.
 */
public final class LpaeConfig {
    public enum Stage { S1, S2 }

    public final Stage stage;
    public final int pgShift;
    public final int ias;
    public final int oas;
    public final int bitsPerLevel;
    public final int levels;
    public final int startLevel;
    /** log2 of the number of PGD entries (after S2 concatenation). */
    public final int pgdBits;
    /** Leaf sizes allowed (bit n set = 2^n bytes). */
    public final long pgsizeBitmap;
    /** Stage-2 PGD concatenation was applied (ARM_LPAE_S2_MAX_CONCAT_PAGES). */
    public final boolean concatenated;

    public static final int S2_MAX_CONCAT_PAGES = 16;

    private LpaeConfig(Stage stage, int granule, int ias, int oas) {
        this.stage = stage;
        this.pgShift = switch (granule) {
            case 4096 -> 12;
            case 16384 -> 14;
            case 65536 -> 16;
            default -> throw new IllegalArgumentException("granule must be 4K, 16K or 64K: " + granule);
        };
        int maxBits = pgShift == 16 ? 52 : 48;
        if (ias < pgShift + 1 || ias > maxBits || oas < 32 || oas > maxBits) {
            throw new IllegalArgumentException("IAS/OAS out of range for granule " + granule + ": " + ias + "/" + oas);
        }
        this.ias = ias;
        this.oas = oas;
        this.bitsPerLevel = pgShift - 3;
        int vaBits = ias - pgShift;
        int lv = (vaBits + bitsPerLevel - 1) / bitsPerLevel;
        int start = 4 - lv;
        int pgd = vaBits - bitsPerLevel * (lv - 1);
        boolean concat = false;
        if (stage == Stage.S2 && start == 0 && (1 << pgd) <= S2_MAX_CONCAT_PAGES) {
            pgd += bitsPerLevel;
            start++;
            lv--;
            concat = true;
        }
        this.levels = lv;
        this.startLevel = start;
        this.pgdBits = pgd;
        this.concatenated = concat;
        this.pgsizeBitmap = switch (pgShift) {
            case 12 -> (1L << 12) | (1L << 21) | (1L << 30);
            case 14 -> (1L << 14) | (1L << 25);
            default -> (1L << 16) | (1L << 29) | (oas > 48 ? 1L << 42 : 0);
        };
    }

    /** ARM_64_LPAE_S1 (or ARM_32_LPAE_S1 with ias 32, oas 40 for IPMMU). */
    public static LpaeConfig stage1(int granule, int ias, int oas) {
        return new LpaeConfig(Stage.S1, granule, ias, oas);
    }

    /** ARM_64_LPAE_S2, with PGD concatenation at level 1 where Linux applies it. */
    public static LpaeConfig stage2(int granule, int ias, int oas) {
        return new LpaeConfig(Stage.S2, granule, ias, oas);
    }

    public long granule() { return 1L << pgShift; }

    /** ARM_LPAE_LVL_SHIFT: pg_shift + (3 - level) * bits_per_level. */
    public int levelShift(int level) { return pgShift + (3 - level) * bitsPerLevel; }

    /** ARM_LPAE_BLOCK_SIZE: bytes mapped by one entry at this level. */
    public long blockSize(int level) { return 1L << levelShift(level); }

    public int pgdEntries() { return 1 << pgdBits; }

    /** Entries per table at this level (the start level has the PGD's size). */
    public int tableEntries(int level) { return level == startLevel ? 1 << pgdBits : 1 << bitsPerLevel; }

    /** A leaf (block or page) at this level is allowed by the page-size bitmap. */
    public boolean leafAllowed(int level) {
        return level >= startLevel && (pgsizeBitmap & blockSize(level)) != 0;
    }

    /** TCR.T0SZ (S1) or VTCR.T0SZ (S2). */
    public int t0sz() { return 64 - ias; }

    @Override
    public String toString() {
        return stage + " granule=" + (1 << pgShift) + " ias=" + ias + " oas=" + oas + " levels=" + levels
                + " start=L" + startLevel + " pgd=" + pgdEntries() + (concatenated ? " (concatenated)" : "");
    }
}
