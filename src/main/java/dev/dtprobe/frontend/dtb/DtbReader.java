package dev.dtprobe.frontend.dtb;

import dev.dtprobe.diag.InputException;
import dev.dtprobe.diag.SourcePos;
import dev.dtprobe.tree.DeviceTree;
import dev.dtprobe.tree.MemReserve;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import dev.dtprobe.tree.PropertyValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a flattened device tree blob (versions 1, 2, 3, 16, 17, and later versions whose
 * last_comp_version is at most 17) the way dtc's flattree.c does, but validating everything:
 * every problem with the input becomes an {@link InputException} whose message starts with
 * {@code "bad DTB: "} and names the byte offset concerned. Nothing is allocated beyond what
 * the input bytes can actually hold.
 *
 * <p>What is accepted like dtc: FDT_NOP tokens anywhere (dropped), properties after subnodes,
 * bytes after {@code totalsize} (padded blobs, e.g. QEMU's), gaps between blocks, duplicate
 * names. What is rejected although dtc would not always notice: blocks outside {@code
 * totalsize} or overlapping the header, a misaligned reservation map (8) or structure block
 * (4), bytes after FDT_END inside a version 17 structure block, nesting deeper than {@link
 * #MAX_DEPTH}.
 */
public final class DtbReader {
    /** Deepest node nesting accepted (the root is depth 1). Real trees stay below 20. */
    public static final int MAX_DEPTH = 1024;

    private DtbReader() {
    }

    public static DeviceTree read(byte[] blob, String displayName) {
        Parser p = new Parser(blob, displayName);
        try {
            return p.parse();
        } catch (InputException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // Safety net: no other exception may escape for any input. Tests assert it is
            // never reached.
            throw p.fail("unexpected internal failure while reading (" + e + ")");
        }
    }

    private static final class Parser {
        private final byte[] b;
        private final String name;
        private int version;
        private long structStart;
        private long structEnd;
        private long stringsStart;
        private long stringsEnd;

        Parser(byte[] blob, String name) {
            this.b = blob == null ? new byte[0] : blob;
            this.name = name == null ? "<dtb>" : name;
        }

        InputException fail(String msg) {
            return new InputException(SourcePos.ofFile(name), "bad DTB: " + msg);
        }

        private long u32(long off) {
            int o = (int) off;
            return ((b[o] & 0xffL) << 24) | ((b[o + 1] & 0xffL) << 16) | ((b[o + 2] & 0xffL) << 8)
                    | (b[o + 3] & 0xffL);
        }

        private long u64(long off) {
            return (u32(off) << 32) | u32(off + 4);
        }

        private static String hex(long v) {
            return "0x" + Long.toHexString(v);
        }

        DeviceTree parse() {
            if (b.length < 4) {
                throw fail("input is " + b.length + " bytes, too short for an FDT header");
            }
            long magic = u32(0);
            if (magic != (Fdt.MAGIC & 0xffffffffL)) {
                throw fail(String.format("bad magic 0x%08x at offset 0x0 (expected 0xd00dfeed)", magic));
            }
            if (b.length < 28) {
                throw fail("truncated header: input is " + b.length + " bytes, a header needs at least 28");
            }
            long totalsize = u32(4);
            long offStruct = u32(8);
            long offStrings = u32(12);
            long offRsv = u32(16);
            long ver = u32(20);
            long lastComp = u32(24);
            int hdrSize;
            if (ver == 1) {
                hdrSize = 28;
            } else if (ver == 2) {
                hdrSize = 32;
            } else if (ver == 3 || ver == 16) {
                hdrSize = 36;
            } else if (ver == 17 || (ver > 17 && lastComp <= 17)) {
                hdrSize = 40;
            } else {
                throw fail("unsupported version " + ver + " (last compatible version " + lastComp
                        + "); versions 1-3, 16 and 17 can be read");
            }
            version = (int) Math.min(ver, 17);
            if (b.length < hdrSize) {
                throw fail("truncated header: input is " + b.length + " bytes, a version " + ver
                        + " header needs " + hdrSize);
            }
            if (totalsize > b.length) {
                throw fail("totalsize " + hex(totalsize) + " is larger than the input ("
                        + hex(b.length) + " bytes)");
            }
            if (totalsize < hdrSize) {
                throw fail("totalsize " + hex(totalsize) + " is smaller than the header (" + hdrSize
                        + " bytes)");
            }
            long boot = version >= 2 ? u32(28) : 0;
            long sizeStrings = version >= 3 ? u32(32) : -1;
            long sizeStruct = version >= 17 ? u32(36) : -1;

            checkBlock("memory reservation block", offRsv, 16, hdrSize, totalsize, 8);
            checkBlock("struct block", offStruct, sizeStruct, hdrSize, totalsize, 4);
            checkBlock("strings block", offStrings, sizeStrings, hdrSize, totalsize, 1);
            structStart = offStruct;
            structEnd = sizeStruct >= 0 ? offStruct + sizeStruct : totalsize;
            stringsStart = offStrings;
            stringsEnd = sizeStrings >= 0 ? offStrings + sizeStrings : totalsize;

            List<MemReserve> reserves = readMemReserves(offRsv, totalsize);
            Node root = readStruct();
            DeviceTree tree = new DeviceTree(root);
            tree.memReserves().addAll(reserves);
            tree.setBootCpuidPhys(boot);
            return tree;
        }

        private void checkBlock(String what, long off, long size, int hdrSize, long totalsize,
                int align) {
            if (off < hdrSize) {
                throw fail(what + " offset " + hex(off) + " overlaps the " + hdrSize + "-byte header");
            }
            if (off > totalsize) {
                throw fail(what + " offset " + hex(off) + " beyond totalsize " + hex(totalsize));
            }
            if (off % align != 0) {
                throw fail(what + " offset " + hex(off) + " is not " + align + "-byte aligned");
            }
            if (size >= 0 && off + size > totalsize) {
                throw fail(what + " at " + hex(off) + " with size " + hex(size)
                        + " extends past totalsize " + hex(totalsize));
            }
        }

        private List<MemReserve> readMemReserves(long off, long limit) {
            List<MemReserve> out = new ArrayList<>();
            long p = off;
            while (true) {
                if (p + 16 > limit) {
                    throw fail("memory reservation block at " + hex(off)
                            + " has no terminating entry before totalsize " + hex(limit));
                }
                long addr = u64(p);
                long size = u64(p + 8);
                p += 16;
                if (size == 0) {
                    return out; // dtc and libfdt stop at the first entry of size 0
                }
                out.add(new MemReserve(addr, size));
            }
        }

        private long token(long p) {
            if (p + 4 > structEnd) {
                throw fail("struct block ends at " + hex(structEnd) + " without FDT_END (token expected at "
                        + hex(p) + ")");
            }
            return u32(p);
        }

        private long align(long p, int a) {
            long rel = p - structStart;
            return structStart + ((rel + a - 1) / a) * a;
        }

        private static String tokenName(long t) {
            return switch ((int) t) {
                case Fdt.BEGIN_NODE -> "FDT_BEGIN_NODE";
                case Fdt.END_NODE -> "FDT_END_NODE";
                case Fdt.PROP -> "FDT_PROP";
                case Fdt.NOP -> "FDT_NOP";
                case Fdt.END -> "FDT_END";
                default -> "token " + hex(t);
            };
        }

        private Node readStruct() {
            long p = structStart;
            long t = token(p);
            while (t == Fdt.NOP) {
                p += 4;
                t = token(p);
            }
            if (t != Fdt.BEGIN_NODE) {
                throw fail("struct block at " + hex(structStart) + " must start with FDT_BEGIN_NODE, found "
                        + tokenName(t) + " at " + hex(p));
            }
            List<Node> stack = new ArrayList<>();
            List<String> paths = new ArrayList<>(); // full paths, for version < 16 blobs
            Node root = null;
            while (true) {
                long at = p;
                t = token(p);
                p += 4;
                switch ((int) t) {
                    case Fdt.BEGIN_NODE -> {
                        if (root != null && stack.isEmpty()) {
                            throw fail("second root node (FDT_BEGIN_NODE at " + hex(at)
                                    + ") where FDT_END was expected");
                        }
                        if (stack.size() >= MAX_DEPTH) {
                            throw fail("nodes nested deeper than " + MAX_DEPTH + " levels at " + hex(at));
                        }
                        long nul = findNul(p, structEnd);
                        if (nul < 0) {
                            throw fail("unterminated node name at " + hex(p) + " (struct block ends at "
                                    + hex(structEnd) + ")");
                        }
                        String raw = Fdt.decodeName(b, (int) p, (int) (nul - p));
                        p = align(nul + 1, 4);
                        if (p > structEnd) {
                            throw fail("node name at " + hex(at + 4) + " padding runs past the struct block end "
                                    + hex(structEnd));
                        }
                        String nodeName = raw;
                        if (version < 16) {
                            String parentPath = stack.isEmpty() ? "" : paths.get(paths.size() - 1);
                            nodeName = nameFromPath(parentPath, raw, at);
                            paths.add(raw);
                        }
                        Node n = new Node(nodeName, SourcePos.ofFile(name));
                        if (stack.isEmpty()) {
                            root = n;
                        } else {
                            stack.get(stack.size() - 1).addChild(n);
                        }
                        stack.add(n);
                    }
                    case Fdt.PROP -> {
                        if (stack.isEmpty()) {
                            throw fail("FDT_PROP at " + hex(at) + " outside any node");
                        }
                        if (p + 8 > structEnd) {
                            throw fail("property header at " + hex(at) + " runs past the struct block end "
                                    + hex(structEnd));
                        }
                        long len = u32(p);
                        long nameoff = u32(p + 4);
                        p += 8;
                        if (version < 16 && len >= 8) {
                            p = align(p, 8);
                        }
                        if (len > structEnd - p) {
                            throw fail("property at " + hex(at) + ": length " + hex(len)
                                    + " runs past the struct block end " + hex(structEnd));
                        }
                        String propName = propName(nameoff, at);
                        byte[] val = Arrays.copyOfRange(b, (int) p, (int) (p + len));
                        p = align(p + len, 4);
                        if (p > structEnd) {
                            throw fail("property at " + hex(at) + ": padding runs past the struct block end "
                                    + hex(structEnd));
                        }
                        stack.get(stack.size() - 1).addProperty(
                                new Property(propName, PropertyValue.ofBytes(val), SourcePos.ofFile(name)));
                    }
                    case Fdt.END_NODE -> {
                        if (stack.isEmpty()) {
                            throw fail("unbalanced FDT_END_NODE at " + hex(at));
                        }
                        Node closed = stack.remove(stack.size() - 1);
                        if (version < 16) {
                            dropRedundantNameProperty(closed);
                        }
                        if (version < 16) {
                            paths.remove(paths.size() - 1);
                        }
                    }
                    case Fdt.NOP -> {
                    }
                    case Fdt.END -> {
                        if (!stack.isEmpty()) {
                            throw fail("premature FDT_END at " + hex(at) + " inside node "
                                    + stack.get(stack.size() - 1).path() + " (" + stack.size()
                                    + " node(s) not closed)");
                        }
                        if (version >= 17 && p < structEnd) {
                            throw fail((structEnd - p) + " bytes of trailing data in the struct block after FDT_END at "
                                    + hex(at));
                        }
                        setPhandles(root);
                        return root;
                    }
                    default -> throw fail("bad token " + hex(t) + " at " + hex(at));
                }
            }
        }

        /**
         * Version &lt; 16 blobs carry a {@code name} property in every node. Like dtc's
         * name_properties check, drop it when it just repeats the node's base name.
         */
        private static void dropRedundantNameProperty(Node n) {
            Property p = n.property("name");
            if (p == null) {
                return;
            }
            byte[] v = p.value().bytesUnsafe();
            byte[] base = Fdt.encodeName(n.baseName());
            if (v.length == base.length + 1 && Arrays.equals(v, 0, base.length, base, 0, base.length)) {
                n.removeProperty(p);
            }
        }

        private long findNul(long from, long limit) {
            for (long i = from; i < limit; i++) {
                if (b[(int) i] == 0) {
                    return i;
                }
            }
            return -1;
        }

        private String nameFromPath(String parentPath, String path, long at) {
            // dtc's nodename_from_path for version < 16 blobs, whose nodes carry full paths
            String prefix = parentPath.isEmpty() || parentPath.equals("/") ? "/" : parentPath + "/";
            if (!path.startsWith(prefix)) {
                throw fail("node path \"" + path + "\" at " + hex(at) + " is not valid as a child of \""
                        + parentPath + "\"");
            }
            return path.substring(prefix.length());
        }

        private String propName(long nameoff, long at) {
            long size = stringsEnd - stringsStart;
            if (nameoff >= size) {
                throw fail("property at " + hex(at) + ": name offset " + hex(nameoff)
                        + " beyond the strings block size " + hex(size));
            }
            long s = stringsStart + nameoff;
            long nul = findNul(s, stringsEnd);
            if (nul < 0) {
                throw fail("property at " + hex(at) + ": unterminated name at strings offset " + hex(nameoff));
            }
            return Fdt.decodeName(b, (int) s, (int) (nul - s));
        }

        private static void setPhandles(Node root) {
            List<Node> work = new ArrayList<>();
            work.add(root);
            while (!work.isEmpty()) {
                Node n = work.remove(work.size() - 1);
                long ph = phandleOf(n.property("phandle"));
                if (ph == Node.NO_PHANDLE) {
                    ph = phandleOf(n.property("linux,phandle"));
                }
                n.setPhandle(ph);
                work.addAll(n.children());
            }
        }

        private static long phandleOf(Property p) {
            if (p == null || p.value().length() != 4) {
                return Node.NO_PHANDLE;
            }
            long v = p.value().cellAt(0);
            return v == 0xffffffffL ? Node.NO_PHANDLE : v;
        }
    }
}
