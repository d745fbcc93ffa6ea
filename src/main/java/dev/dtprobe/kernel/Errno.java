package dev.dtprobe.kernel;

import java.util.Map;

/** The errno values the model uses, with the kernel's symbolic names for {@code %pe}. */
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
    public static final int ERANGE = 34;
    public static final int ETIMEDOUT = 110;
    /** Kernel-internal: "please probe me again later". */
    public static final int EPROBE_DEFER = 517;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(EPERM, "EPERM"), Map.entry(ENOENT, "ENOENT"), Map.entry(EIO, "EIO"),
            Map.entry(ENXIO, "ENXIO"), Map.entry(ENOMEM, "ENOMEM"), Map.entry(EFAULT, "EFAULT"),
            Map.entry(EBUSY, "EBUSY"), Map.entry(EEXIST, "EEXIST"), Map.entry(ENODEV, "ENODEV"),
            Map.entry(EINVAL, "EINVAL"), Map.entry(ERANGE, "ERANGE"), Map.entry(ETIMEDOUT, "ETIMEDOUT"),
            Map.entry(EPROBE_DEFER, "EPROBE_DEFER"));

    private Errno() {
    }

    /** {@code -EINVAL} for -22, as {@code %pe} prints it; unknown values print as numbers. */
    public static String name(int negativeErrno) {
        String n = NAMES.get(-negativeErrno);
        return n == null ? Integer.toString(negativeErrno) : "-" + n;
    }

    /** Parses {@code -EINVAL}, {@code EINVAL} or {@code -22}; returns the negative value, or null. */
    public static Integer parse(String text) {
        String t = text.trim();
        String bare = t.startsWith("-") ? t.substring(1) : t;
        for (Map.Entry<Integer, String> e : NAMES.entrySet()) {
            if (e.getValue().equals(bare)) {
                return -e.getKey();
            }
        }
        try {
            int v = Integer.parseInt(t);
            return v > 0 ? -v : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
