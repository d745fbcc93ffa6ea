package dev.dtprobe.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dtprobe.tree.DeviceTree;
import dev.dtprobe.tree.Marker;
import dev.dtprobe.tree.MarkerType;
import dev.dtprobe.tree.MemReserve;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import dev.dtprobe.tree.PropertyValue;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * JSON export of a device tree, format {@code tree/1}; see docs/json-tree.md. Keys appear in a
 * fixed order, output is pretty-printed with two-space indentation and {@code \n} line ends.
 */
public final class TreeJson {
    /** The value of the {@code dtprobeFormat} key. */
    public static final String FORMAT = "tree/1";

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private TreeJson() {
    }

    /** The pretty-printed JSON document, ending with a newline. */
    public static String write(DeviceTree tree) {
        return pretty(toJson(tree));
    }

    /** Pretty-prints any JSON node the way {@link #write} does. */
    public static String pretty(JsonNode node) {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""));
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        pp.indentObjectsWith(indenter);
        pp.indentArraysWith(indenter);
        try {
            return MAPPER.writer(pp).writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document as a Jackson tree. */
    public static ObjectNode toJson(DeviceTree tree) {
        ObjectNode doc = F.objectNode();
        doc.put("dtprobeFormat", FORMAT);
        ArrayNode rsv = doc.putArray("memreserves");
        for (MemReserve r : tree.memReserves()) {
            ObjectNode o = rsv.addObject();
            o.put("address", hex64(r.address()));
            o.put("size", hex64(r.size()));
            ArrayNode labels = o.putArray("labels");
            r.labels().forEach(labels::add);
        }
        doc.put("bootCpuidPhys", tree.bootCpuidPhys());
        doc.set("root", node(tree.root()));
        return doc;
    }

    private static String hex64(long v) {
        return "0x" + Long.toUnsignedString(v, 16);
    }

    private static ObjectNode node(Node n) {
        ObjectNode o = F.objectNode();
        o.put("name", n.name());
        o.put("path", n.path());
        ArrayNode labels = o.putArray("labels");
        n.labels().names().forEach(labels::add);
        if (n.phandle() != Node.NO_PHANDLE) {
            o.put("phandle", n.phandle());
        }
        ArrayNode props = o.putArray("properties");
        for (Property p : n.properties()) {
            if (!p.isDeleted()) {
                props.add(property(p));
            }
        }
        ArrayNode children = o.putArray("children");
        for (Node c : n.children()) {
            if (!c.isDeleted()) {
                children.add(node(c));
            }
        }
        return o;
    }

    private static ObjectNode property(Property p) {
        ObjectNode o = F.objectNode();
        o.put("name", p.name());
        ArrayNode labels = o.putArray("labels");
        p.labels().names().forEach(labels::add);
        PropertyValue v = p.value();
        o.set("value", typedValue(v));
        o.put("hex", HEX.formatHex(v.bytesUnsafe()));
        List<Marker> ms = sortedMarkers(v);
        ArrayNode valueLabels = null;
        for (Marker m : ms) {
            if (m.type() == MarkerType.LABEL) {
                if (valueLabels == null) {
                    valueLabels = o.putArray("valueLabels");
                }
                valueLabels.addObject().put("name", m.ref()).put("offset", m.offset());
            }
        }
        return o;
    }

    private static List<Marker> sortedMarkers(PropertyValue v) {
        int len = v.length();
        List<Marker> ms = new ArrayList<>();
        for (Marker m : v.markers()) {
            if (m.offset() >= 0 && m.offset() <= len) {
                ms.add(m);
            }
        }
        ms.sort(Comparator.comparingInt(Marker::offset));
        return ms;
    }

    /** The typed reading of a value: one chunk object, or {"type":"mixed","chunks":[...]}. */
    static ObjectNode typedValue(PropertyValue v) {
        byte[] b = v.bytesUnsafe();
        if (b.length == 0) {
            return F.objectNode().put("type", "empty");
        }
        List<Marker> ms = sortedMarkers(v);
        List<int[]> spans = new ArrayList<>(); // {start, end, typeOrdinal}
        for (Marker m : ms) {
            if (m.type().isTypeHint()) {
                if (!spans.isEmpty()) {
                    spans.get(spans.size() - 1)[1] = m.offset();
                } else if (m.offset() > 0) {
                    spans.add(new int[] {0, m.offset(), -1});
                }
                spans.add(new int[] {m.offset(), b.length, m.type().ordinal()});
            }
        }
        if (spans.isEmpty()) {
            spans.add(new int[] {0, b.length, guess(b).ordinal()});
        }
        List<ObjectNode> chunks = new ArrayList<>();
        for (int[] s : spans) {
            if (s[0] == s[1]) {
                continue;
            }
            MarkerType t = s[2] < 0 ? MarkerType.TYPE_UINT8 : MarkerType.values()[s[2]];
            ObjectNode c = chunk(b, s[0], s[1], t, ms);
            ObjectNode prev = chunks.isEmpty() ? null : chunks.get(chunks.size() - 1);
            if (prev != null && sameKind(prev, c)) {
                if (c.has("values")) {
                    ((ArrayNode) prev.get("values")).addAll((ArrayNode) c.get("values"));
                } else {
                    prev.put("hex", prev.get("hex").asText() + c.get("hex").asText());
                }
            } else {
                chunks.add(c);
            }
        }
        if (chunks.size() == 1) {
            return chunks.get(0);
        }
        ObjectNode mixed = F.objectNode().put("type", "mixed");
        ArrayNode arr = mixed.putArray("chunks");
        chunks.forEach(arr::add);
        return mixed;
    }

    /** Chunks that join into one: strings with strings, bytes with bytes, cells of equal width. */
    private static boolean sameKind(ObjectNode a, ObjectNode b) {
        String t = a.path("type").asText();
        return t.equals(b.path("type").asText()) && a.path("bits").asInt() == b.path("bits").asInt();
    }

    private static ObjectNode bytesChunk(byte[] b, int start, int end) {
        return F.objectNode().put("type", "bytes").put("hex", HEX.formatHex(b, start, end));
    }

    private static ObjectNode chunk(byte[] b, int start, int end, MarkerType t, List<Marker> ms) {
        if (t == MarkerType.TYPE_STRING) {
            if (b[end - 1] != 0) {
                return bytesChunk(b, start, end);
            }
            ObjectNode c = F.objectNode().put("type", "strings");
            ArrayNode values = c.putArray("values");
            int s = start;
            for (int i = start; i < end; i++) {
                if (b[i] == 0) {
                    String str = new String(b, s, i - s, StandardCharsets.UTF_8);
                    Marker ref = markerAt(ms, s, MarkerType.REF_PATH);
                    if (ref != null) {
                        values.addObject().put("ref", refText(ref.ref())).put("path", str);
                    } else {
                        values.add(str);
                    }
                    s = i + 1;
                }
            }
            return c;
        }
        int w = t.elementSize();
        if (w <= 1 || (end - start) % w != 0) {
            return bytesChunk(b, start, end);
        }
        ObjectNode c = F.objectNode().put("type", "cells").put("bits", w * 8);
        ArrayNode values = c.putArray("values");
        for (int i = start; i < end; i += w) {
            long x = 0;
            for (int k = 0; k < w; k++) {
                x = (x << 8) | (b[i + k] & 0xff);
            }
            Marker ref = w == 4 ? markerAt(ms, i, MarkerType.REF_PHANDLE) : null;
            if (ref != null) {
                values.addObject().put("ref", refText(ref.ref())).put("phandle", x);
            } else {
                values.add(hex64(x));
            }
        }
        return c;
    }

    private static Marker markerAt(List<Marker> ms, int offset, MarkerType type) {
        for (Marker m : ms) {
            if (m.offset() == offset && m.type() == type) {
                return m;
            }
        }
        return null;
    }

    private static String refText(String ref) {
        if (ref == null) {
            return "&?";
        }
        return ref.startsWith("/") ? "&{" + ref + "}" : "&" + ref;
    }

    /**
     * Type of an unmarked value (read from a DTB): a string list when every NUL-terminated
     * piece is non-empty and printable (tab, newline etc. allowed); else 32-bit cells when the
     * length is a multiple of 4; else bytes.
     */
    static MarkerType guess(byte[] b) {
        if (b[b.length - 1] == 0) {
            boolean ok = true;
            int segLen = 0;
            for (byte x : b) {
                int c = x & 0xff;
                if (c == 0) {
                    if (segLen == 0) {
                        ok = false;
                        break;
                    }
                    segLen = 0;
                } else if ((c >= 0x20 && c < 0x7f) || (c >= 7 && c <= 13) || c >= 0x80) {
                    segLen++;
                } else {
                    ok = false;
                    break;
                }
            }
            if (ok && validUtf8(b)) {
                return MarkerType.TYPE_STRING;
            }
        }
        return b.length % 4 == 0 ? MarkerType.TYPE_UINT32 : MarkerType.TYPE_UINT8;
    }

    private static boolean validUtf8(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }
}
