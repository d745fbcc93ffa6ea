package dev.dtprobe.kernel;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Linux errno values the model uses (asm-generic, as on arm64), with their symbolic names for {@code %pe}. */
public final class Errno {
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int EIO = 5;
    public static final int ENXIO = 6;
    public static final int ENOMEM = 12;
    public static final int EFAULT = 14;
    public static final int EBUSY = 16;
    public static final int EEXIST = 17;
    public static final int ENODEV = 19;
    public static final int EINVAL = 22;
    public static final int ENOSPC = 28;
    public static final int ERANGE = 34;
    public static final int ETIMEDOUT = 110;
    /** Kernel-internal: "please probe me again later". */
    public static final int EPROBE_DEFER = 517;

    private static final Map<String, Integer> BY_NAME = new LinkedHashMap<>();

    static {
        String[] names = {"EPERM", "ENOENT", "EIO", "ENXIO", "E2BIG", "EAGAIN", "ENOMEM", "EACCES", "EFAULT", "EBUSY",
            "EEXIST", "ENODEV", "EINVAL", "ENOSPC", "ERANGE", "ENOSYS", "ENODATA", "ETIME", "EPROTO", "EOVERFLOW",
            "EOPNOTSUPP", "EADDRINUSE", "ETIMEDOUT", "EPROBE_DEFER", "ENOTSUPP"};
        int[] values = {1, 2, 5, 6, 7, 11, 12, 13, 14, 16, 17, 19, 22, 28, 34, 38, 61, 62, 71, 75, 95, 98, 110, 517, 524};
        for (int i = 0; i < names.length; i++) {
            BY_NAME.put(names[i], values[i]);
        }
    }

    private Errno() {
    }

    /** {@code -EINVAL} for -22, as {@code %pe} prints it; unknown values print as numbers. */
    public static String name(int errno) {
        int abs = Math.abs(errno);
        for (Map.Entry<String, Integer> e : BY_NAME.entrySet()) {
            if (e.getValue() == abs) {
                return (errno < 0 ? "-" : "") + e.getKey();
            }
        }
        return Integer.toString(errno);
    }

    /** The positive value of {@code name} ({@code "EINVAL"} or {@code "-EINVAL"}, any case). */
    public static Optional<Integer> value(String name) {
        String n = name.startsWith("-") ? name.substring(1) : name;
        return Optional.ofNullable(BY_NAME.get(n.toUpperCase(Locale.ROOT)));
    }

    /** Parses {@code -EINVAL}, {@code EINVAL} or {@code -22}; returns the negative value, or null. */
    public static Integer parse(String text) {
        Optional<Integer> named = value(text.trim());
        if (named.isPresent()) {
            return -named.get();
        }
        try {
            int v = Integer.parseInt(text.trim());
            return v > 0 ? -v : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Every known name, for error messages. */
    public static String knownNames() {
        return String.join(", ", BY_NAME.keySet());
    }
}
