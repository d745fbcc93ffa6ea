package dev.dtprobe.lint.dtc;

import dev.dtprobe.tree.Property;

/**
 * dtc's string tests (data_is_one_string, check_is_string_list), needed to know whether the
 * prerequisites of the bridge checks pass.
 */
final class StringValues {
    private StringValues() {
    }

    /** One NUL-terminated string with no NUL inside; an absent property passes. */
    static boolean isOneStringOrAbsent(Property p) {
        if (p == null) {
            return true;
        }
        byte[] b = p.value().bytesUnsafe();
        if (b.length == 0 || b[b.length - 1] != 0) {
            return false;
        }
        for (int i = 0; i < b.length - 1; i++) {
            if (b[i] == 0) {
                return false;
            }
        }
        return true;
    }

    /** Empty, or NUL-terminated strings back to back; an absent property passes. */
    static boolean isStringListOrAbsent(Property p) {
        if (p == null) {
            return true;
        }
        byte[] b = p.value().bytesUnsafe();
        return b.length == 0 || b[b.length - 1] == 0;
    }
}
