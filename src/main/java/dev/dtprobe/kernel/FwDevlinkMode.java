package dev.dtprobe.kernel;

/** The {@code fw_devlink=} modes (§2.1): whether DT supplier links block probing. */
public enum FwDevlinkMode {
    /** No links at all. */
    OFF,
    /** Links exist but only for sync_state; they never block probing. */
    PERMISSIVE,
    /** Consumers wait for their suppliers (the default since v5.13). */
    ON,
    /** As ON, plus runtime-PM coupling. */
    RPM;

    public boolean blocksProbing() {
        return this == ON || this == RPM;
    }
}
