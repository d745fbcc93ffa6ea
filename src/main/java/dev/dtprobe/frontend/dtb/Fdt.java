package dev.dtprobe.frontend.dtb;

import java.nio.charset.StandardCharsets;

/** FDT format constants and name encoding shared by the reader and the writer. */
public final class Fdt {
    private Fdt() {
    }

    public static final int MAGIC = 0xd00dfeed;
    public static final int BEGIN_NODE = 1;
    public static final int END_NODE = 2;
    public static final int PROP = 3;
    public static final int NOP = 4;
    public static final int END = 9;

    /** The version dtc writes by default, and its last compatible version. */
    public static final int VERSION = 17;
    public static final int LAST_COMP_VERSION = 16;
    /** Size of a version 17 header. */
    public static final int HEADER_SIZE_V17 = 40;

    /**
     * Node and property names are byte strings in a DTB. The reader maps each byte to the char
     * with the same value (ISO-8859-1), so any blob round-trips exactly; the writer reverses
     * that, falling back to UTF-8 for names holding characters above U+00FF (which no DTB read
     * and no valid DTS name can produce).
     */
    public static byte[] encodeName(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) > 0xff) {
                return name.getBytes(StandardCharsets.UTF_8);
            }
        }
        return name.getBytes(StandardCharsets.ISO_8859_1);
    }

    public static String decodeName(byte[] b, int off, int len) {
        return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }
}
