package dev.dtprobe.diff;

import dev.dtprobe.driver.Device;

/**
 * One device as seen by both boots; {@code a} or {@code b} is null when only one boot has it.
 *
 * @param how the match, or null for a device of one boot only
 * @param key what matched for LABEL and COMPATIBLE (the label, or {@code compatible@unit}), else null
 */
public record DevicePair(Device a, Device b, MatchKind how, String key) {

    /** The name reports use: the device name, with the other boot's name when it differs. */
    public String displayName() {
        if (a == null) {
            return b.name();
        }
        if (b == null || a.name().equals(b.name())) {
            return a.name();
        }
        return a.name() + " (" + b.name() + " in B)";
    }

    public boolean inBoth() {
        return a != null && b != null;
    }
}
