package dev.dtprobe.translate.pgtable;

/** The negative errno values that io-pgtable-arm and the IOMMU core return. */
public final class Errno {
    private Errno() {}

    public static final int ENOMEM = -12, EEXIST = -17, EINVAL = -22, ERANGE = -34;

    public static String name(int rc) {
        return switch (rc) {
            case 0 -> "0";
            case ENOMEM -> "-ENOMEM";
            case EEXIST -> "-EEXIST";
            case EINVAL -> "-EINVAL";
            case ERANGE -> "-ERANGE";
            default -> Integer.toString(rc);
        };
    }
}
