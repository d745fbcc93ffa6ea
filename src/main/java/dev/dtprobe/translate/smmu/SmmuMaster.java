package dev.dtprobe.translate.smmu;

import java.util.Arrays;

/**
 * One device behind an SMMU: its firmware IDs ({@code iommu_fwspec} IDs, SID in [15:0] and SMR
 * mask in [31:16], see {@link SmmuBinding}) and, once probed, the stream mapping entry chosen
 * for each ID ({@code cfg->smendx}).
 */
public final class SmmuMaster {
    public final String name;
    private final int[] fwids;
    int[] smendx;          // null until probed on an SMMU
    ArmSmmu smmu;
    int group = -1;
    SmmuDomain domain;

    public SmmuMaster(String name, int... fwids) {
        this.name = name;
        this.fwids = fwids.clone();
    }

    /** A master from stream IDs and SMR masks (masks may be null: all 0). */
    public static SmmuMaster of(String name, int[] sids, int[] masks) {
        int[] f = new int[sids.length];
        for (int i = 0; i < sids.length; i++) f[i] = SmmuBinding.fwid(sids[i], masks == null ? 0 : masks[i]);
        return new SmmuMaster(name, f);
    }

    public int[] fwids() { return fwids.clone(); }

    public int numIds() { return fwids.length; }

    public int sid(int i) { return fwids[i] & 0xffff; }

    public int mask(int i) { return fwids[i] >>> 16; }

    /** Stream mapping entry index of ID i, or -1 when not probed. */
    public int smeIndex(int i) { return smendx == null ? -1 : smendx[i]; }

    public boolean probed() { return smmu != null; }

    /** iommu_group number (devices sharing stream mapping entries share one); -1 when not probed. */
    public int group() { return group; }

    public SmmuDomain domain() { return domain; }

    @Override public String toString() { return name + Arrays.toString(Arrays.stream(fwids).mapToObj(Integer::toHexString).toArray()); }
}
