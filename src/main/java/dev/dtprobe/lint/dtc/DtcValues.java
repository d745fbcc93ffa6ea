package dev.dtprobe.lint.dtc;

import dev.dtprobe.tree.PropertyValue;
import java.nio.charset.StandardCharsets;

/** dtc's readings of property values ({@code data_is_one_string}, string lists, C strings). */
final class DtcValues {
    private DtcValues() {
    }

    /** Exactly one NUL-terminated string (dtc's data_is_one_string; "" counts). */
    static boolean isOneString(PropertyValue v) {
        byte[] b = v.bytesUnsafe();
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

    /** Every string NUL-terminated (an empty value is an empty list). */
    static boolean isStringList(PropertyValue v) {
        byte[] b = v.bytesUnsafe();
        return b.length == 0 || b[b.length - 1] == 0;
    }

    /**
     * The value as C reads it with {@code %s}: up to the first NUL; {@code "(null)"} for an empty
     * value, as glibc prints dtc's NULL data pointer.
     */
    static String printed(PropertyValue v) {
        String s = cString(v);
        return s == null ? "(null)" : s;
    }

    /** The value up to the first NUL, or null for an empty value (dtc's NULL {@code val}). */
    static String cString(PropertyValue v) {
        byte[] b = v.bytesUnsafe();
        if (b.length == 0) {
            return null;
        }
        int end = 0;
        while (end < b.length && b[end] != 0) {
            end++;
        }
        return new String(b, 0, end, StandardCharsets.UTF_8);
    }
}
