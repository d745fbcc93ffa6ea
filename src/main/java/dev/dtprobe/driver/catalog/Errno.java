package dev.dtprobe.driver.catalog;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The Linux errno names a probe commonly returns (asm-generic values, as on arm64). */
public final class Errno {
    private static final Map<String, Integer> BY_NAME = new LinkedHashMap<>();

    static {
        put("EPERM", 1);
        put("ENOENT", 2);
        put("EIO", 5);
        put("ENXIO", 6);
        put("E2BIG", 7);
        put("EAGAIN", 11);
        put("ENOMEM", 12);
        put("EACCES", 13);
        put("EFAULT", 14);
        put("EBUSY", 16);
        put("EEXIST", 17);
        put("ENODEV", 19);
        put("EINVAL", 22);
        put("ENOSPC", 28);
        put("ERANGE", 34);
        put("ENOSYS", 38);
        put("ENODATA", 61);
        put("ETIME", 62);
        put("EPROTO", 71);
        put("EOVERFLOW", 75);
        put("EOPNOTSUPP", 95);
        put("EADDRINUSE", 98);
        put("ETIMEDOUT", 110);
        put("EPROBE_DEFER", 517);
        put("ENOTSUPP", 524);
    }

    private Errno() {
    }

    private static void put(String name, int value) {
        BY_NAME.put(name, value);
    }

    /** The positive value of {@code name} ({@code "EINVAL"} or {@code "-EINVAL"}, any case). */
    public static Optional<Integer> value(String name) {
        String n = name.startsWith("-") ? name.substring(1) : name;
        return Optional.ofNullable(BY_NAME.get(n.toUpperCase(Locale.ROOT)));
    }

    /** {@code -22} → {@code "-EINVAL"}; unknown values print as the number. */
    public static String name(int errno) {
        int abs = Math.abs(errno);
        for (Map.Entry<String, Integer> e : BY_NAME.entrySet()) {
            if (e.getValue() == abs) {
                return (errno < 0 ? "-" : "") + e.getKey();
            }
        }
        return Integer.toString(errno);
    }

    /** Every known name, for error messages. */
    public static String knownNames() {
        return String.join(", ", BY_NAME.keySet());
    }
}
