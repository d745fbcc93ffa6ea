package dev.dtprobe.translate.smmuv3;

/**
 * One event queue record (4 dwords, translators.md §2.6). {@code ssid} is -1 when SSV = 0.
 * {@code read} is RnW (1 = read); {@code ipa} is dword 3 (the IPA for stage-2 faults).
 */
public record Smmuv3Event(int id, int sid, int ssid, boolean read, boolean s2, long addr, long ipa) {

    public long[] encode() {
        long d0 = id & 0xff | (ssid >= 0 ? 1L << 11 | (long) (ssid & 0xfffff) << 12 : 0) | (long) sid << 32;
        long d1 = (read ? 1L << 35 : 0) | (s2 ? 1L << 39 : 0);
        return new long[] {d0, d1, addr, ipa & 0xf_ffff_ffff_f000L};
    }

    public static Smmuv3Event decode(long d0, long d1, long d2, long d3) {
        boolean ssv = (d0 & (1L << 11)) != 0;
        return new Smmuv3Event((int) d0 & 0xff, (int) (d0 >>> 32), ssv ? (int) (d0 >>> 12) & 0xfffff : -1,
                (d1 & (1L << 35)) != 0, (d1 & (1L << 39)) != 0, d2, d3);
    }

    public String name() { return Smmuv3Defs.eventName(id); }

    @Override
    public String toString() {
        return String.format("%s sid=0x%x%s %s%s addr=0x%x", name(), sid, ssid >= 0 ? " ssid=0x" + Integer.toHexString(ssid) : "",
                read ? "R" : "W", s2 ? " S2" : "", addr);
    }
}
