package dev.dtprobe.kernel;

import dev.dtprobe.diag.InputException;
import dev.dtprobe.diag.SourcePos;

/** A kernel release as major.minor ({@code 6.1}); patch levels do not change the model. */
public record KernelVersion(int major, int minor) implements Comparable<KernelVersion> {

    public static KernelVersion parse(String text) {
        String[] parts = text.trim().split("\\.");
        try {
            if (parts.length >= 2) {
                return new KernelVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InputException(SourcePos.ofFile("--kernel"), "bad kernel version '" + text
                + "': expected MAJOR.MINOR, e.g. 5.10 or 6.1");
    }

    public boolean before(int otherMajor, int otherMinor) {
        return major < otherMajor || (major == otherMajor && minor < otherMinor);
    }

    public boolean atLeast(int otherMajor, int otherMinor) {
        return !before(otherMajor, otherMinor);
    }

    @Override
    public int compareTo(KernelVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
