package dev.dtprobe.frontend.dts;

import dev.dtprobe.tree.DeviceTree;
import dev.dtprobe.tree.Marker;
import dev.dtprobe.tree.MarkerType;
import dev.dtprobe.tree.MemReserve;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import dev.dtprobe.tree.PropertyValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes a tree as DTS text exactly as {@code dtc -O dts} 1.6.1 does (treesource.c of that
 * release): only live nodes, properties and labels; values printed from their type-hint markers
 * when they have any, otherwise from dtc's {@code guess_value_type}.
 *
 * <p>dtc 1.6.1 quirks reproduced on purpose: phandle references print as the numeric cell
 * ({@code <0x05>}), not as {@code &label}; a reference marker that is not at offset 0 adds a
 * space ({@code <&a>, <&b>} prints {@code <0x01>, < 0x02>}); a value read from a DTB is never
 * split into a string list ({@code "a\0b"}); non-printable string bytes of 0x80 and above print
 * sign-extended ({@code \xffffff81}); labels on an empty value are dropped.
 */
public final class DtsWriter {
    private DtsWriter() {
    }

    public static String write(DeviceTree tree) {
        StringBuilder f = new StringBuilder(64 * 1024);
        f.append("/dts-v1/;\n\n");
        for (MemReserve re : tree.memReserves()) {
            for (String l : re.labels()) {
                f.append(l).append(": ");
            }
            f.append(String.format("/memreserve/\t0x%016x 0x%016x;\n", re.address(), re.size()));
        }
        writeNode(f, tree.root(), 0);
        return f.toString();
    }

    private static void prefix(StringBuilder f, int level) {
        for (int i = 0; i < level; i++) {
            f.append('\t');
        }
    }

    private static void writeNode(StringBuilder f, Node node, int level) {
        prefix(f, level);
        for (String l : node.labels().names()) {
            f.append(l).append(": ");
        }
        if (!node.name().isEmpty()) {
            f.append(node.name()).append(" {\n");
        } else {
            f.append("/ {\n");
        }
        for (Property p : node.properties()) {
            if (p.isDeleted()) {
                continue;
            }
            prefix(f, level + 1);
            for (String l : p.labels().names()) {
                f.append(l).append(": ");
            }
            f.append(p.name());
            writeValue(f, p.value());
        }
        for (Node c : node.children()) {
            if (c.isDeleted()) {
                continue;
            }
            f.append('\n');
            writeNode(f, c, level + 1);
        }
        prefix(f, level);
        f.append("};\n");
    }

    /** The value part of a property line, from {@code " ="} (or {@code ";"}) to the newline. */
    public static String valueText(PropertyValue v) {
        StringBuilder f = new StringBuilder();
        writeValue(f, v);
        return f.toString();
    }

    private static void writeValue(StringBuilder f, PropertyValue v) {
        byte[] val = v.bytesUnsafe();
        int len = val.length;
        if (len == 0) {
            f.append(";\n");
            return;
        }
        f.append(" =");

        List<Marker> ms = new ArrayList<>(v.markers().size() + 1);
        for (Marker m : v.markers()) {
            int off = Math.max(0, Math.min(len, m.offset()));
            ms.add(off == m.offset() ? m : new Marker(off, m.type(), m.ref()));
        }
        ms.sort(Comparator.comparingInt(Marker::offset)); // stable: dtc's lists are in offset order
        boolean typed = false;
        for (Marker m : ms) {
            typed |= m.type().isTypeHint();
        }
        if (!typed) {
            ms.add(0, new Marker(0, guessType(val, ms), null));
        }

        MarkerType emit = null;
        for (int i = 0; i < ms.size(); i++) {
            Marker m = ms.get(i);
            int chunkLen = (i + 1 < ms.size() ? ms.get(i + 1).offset() : len) - m.offset();
            int tml = typeMarkerLength(ms, i);
            int dataLen = tml != 0 ? tml : len - m.offset();
            int p = m.offset();

            if (m.type().isTypeHint()) {
                emit = m.type();
                f.append(' ').append(delimStart(emit));
            } else if (m.type() == MarkerType.LABEL) {
                f.append(' ').append(m.ref()).append(':');
            } else if (m.offset() != 0) {
                f.append(' ');
            }
            if (emit == null) {
                continue; // dtc asserts chunk_len == 0 here
            }
            switch (emit) {
                case TYPE_UINT16 -> writeInts(f, val, p, chunkLen, 2);
                case TYPE_UINT32 -> writeInts(f, val, p, chunkLen, 4);
                case TYPE_UINT64 -> writeInts(f, val, p, chunkLen, 8);
                case TYPE_STRING -> writeString(f, val, p, chunkLen);
                default -> writeInts(f, val, p, chunkLen, 1);
            }
            if (chunkLen == dataLen) {
                f.append(delimEnd(emit));
                if (m.offset() + chunkLen != len) {
                    f.append(',');
                }
                emit = null;
            }
        }
        f.append(";\n");
    }

    /** dtc's type_marker_length: distance to the next type marker after {@code i}, else 0. */
    private static int typeMarkerLength(List<Marker> ms, int i) {
        for (int j = i + 1; j < ms.size(); j++) {
            if (ms.get(j).type().isTypeHint()) {
                return ms.get(j).offset() - ms.get(i).offset();
            }
        }
        return 0;
    }

    private static String delimStart(MarkerType t) {
        return switch (t) {
            case TYPE_UINT8 -> "[";
            case TYPE_UINT16 -> "/bits/ 16 <";
            case TYPE_UINT32 -> "<";
            case TYPE_UINT64 -> "/bits/ 64 <";
            default -> "";
        };
    }

    private static String delimEnd(MarkerType t) {
        return switch (t) {
            case TYPE_UINT8 -> "]";
            case TYPE_UINT16, TYPE_UINT32, TYPE_UINT64 -> ">";
            default -> "";
        };
    }

    private static boolean isPrint(int c) {
        return c >= 0x20 && c < 0x7f;
    }

    /** dtc's isstring(): printable, NUL, or one of \a \b \t \n \v \f \r. */
    private static boolean isStringChar(int c) {
        return isPrint(c) || c == 0 || (c >= 7 && c <= 13);
    }

    /** dtc 1.6.1 guess_value_type for a value without type markers. */
    static MarkerType guessType(byte[] p, List<Marker> markers) {
        int len = p.length;
        int nnotstring = 0;
        int nnul = 0;
        for (byte x : p) {
            int c = x & 0xff;
            if (!isStringChar(c)) {
                nnotstring++;
            }
            if (c == 0) {
                nnul++;
            }
        }
        int nnotstringlbl = 0;
        int nnotcelllbl = 0;
        for (Marker m : markers) {
            if (m.type() != MarkerType.LABEL) {
                continue;
            }
            if (m.offset() > 0 && p[m.offset() - 1] != 0) {
                nnotstringlbl++;
            }
            if (m.offset() % 4 != 0) {
                nnotcelllbl++;
            }
        }
        if (p[len - 1] == 0 && nnotstring == 0 && nnul <= len - nnul && nnotstringlbl == 0) {
            return MarkerType.TYPE_STRING;
        } else if (len % 4 == 0 && nnotcelllbl == 0) {
            return MarkerType.TYPE_UINT32;
        }
        return MarkerType.TYPE_UINT8;
    }

    /** dtc's write_propval_int: "%02x" bytes, "0x%02x" wider elements, space separated. */
    private static void writeInts(StringBuilder f, byte[] v, int p, int len, int width) {
        int end = p + len - (len % width); // dtc asserts len % width == 0
        for (int q = p; q < end; q += width) {
            long x = 0;
            for (int k = 0; k < width; k++) {
                x = (x << 8) | (v[q + k] & 0xff);
            }
            if (width == 1) {
                appendHex2(f, (int) x);
            } else {
                f.append("0x");
                String h = Long.toHexString(x);
                if (h.length() < 2) {
                    f.append('0');
                }
                f.append(h);
            }
            if (q + width < end) {
                f.append(' ');
            }
        }
    }

    private static void appendHex2(StringBuilder f, int b) {
        f.append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 15, 16));
    }

    /** dtc's write_propval_string: the chunk minus its final NUL, quoted and escaped. */
    private static void writeString(StringBuilder f, byte[] v, int p, int len) {
        if (len == 0) {
            return;
        }
        int end = p + len - 1; // dtc asserts v[end] == 0
        f.append('"');
        for (int q = p; q < end; q++) {
            int c = v[q] & 0xff;
            switch (c) {
                case 7 -> f.append("\\a");
                case 8 -> f.append("\\b");
                case 9 -> f.append("\\t");
                case 10 -> f.append("\\n");
                case 11 -> f.append("\\v");
                case 12 -> f.append("\\f");
                case 13 -> f.append("\\r");
                case '\\' -> f.append("\\\\");
                case '"' -> f.append("\\\"");
                case 0 -> f.append("\\0");
                default -> {
                    if (isPrint(c)) {
                        f.append((char) c);
                    } else {
                        // printf("\\x%02x", (char) c): a signed char sign-extends
                        f.append("\\x");
                        if (c >= 0x80) {
                            f.append("ffffff");
                        }
                        appendHex2(f, c);
                    }
                }
            }
        }
        f.append('"');
    }
}
