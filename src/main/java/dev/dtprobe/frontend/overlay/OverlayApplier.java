package dev.dtprobe.frontend.overlay;

import dev.dtprobe.diag.InputException;
import dev.dtprobe.diag.SourcePos;
import dev.dtprobe.frontend.dtb.Fdt;
import dev.dtprobe.tree.DeviceTree;
import dev.dtprobe.tree.Marker;
import dev.dtprobe.tree.MarkerType;
import dev.dtprobe.tree.MemReserve;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import dev.dtprobe.tree.PropertyValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a device-tree overlay to a base tree exactly as libfdt's {@code fdt_overlay_apply}
 * (dtc 1.6.1, the engine of {@code fdtoverlay}) does, in its order:
 * <ol>
 * <li>the overlay's phandles ({@code phandle}, {@code linux,phandle}) are raised by the base's
 * highest phandle;</li>
 * <li>the overlay's references to its own nodes, listed in {@code /__local_fixups__}, are raised
 * by the same amount;</li>
 * <li>each {@code /__fixups__} entry {@code label = "/path:prop:offset"} gets the phandle of the
 * base node that the base's {@code /__symbols__/label} names;</li>
 * <li>every root child of the overlay that has an {@code __overlay__} subnode (a fragment) is
 * merged into its target ({@code target = <phandle>}, else {@code target-path = "path"});</li>
 * <li>each overlay symbol {@code /<fragment>/__overlay__/<rel>} is added to the base's
 * {@code /__symbols__} as {@code <target path>/<rel>}.</li>
 * </ol>
 *
 * <p>libfdt's layout rules are kept, because they decide the order of the result: a property
 * that already exists is replaced in place, a new one goes <em>in front of</em> the node's
 * properties; a new subnode goes in front of the existing children (right after the properties).
 * Node-name lookups in paths and merges use libfdt's rule that a name without {@code @} matches
 * the first child named {@code name} or {@code name@...}.
 *
 * <p>libfdt works on blobs and knows no labels: values copied from the overlay keep only their
 * type hints (no reference or label markers), and new nodes carry no labels. {@link Node#phandle()}
 * is kept equal to what the {@code phandle} (else {@code linux,phandle}) property says.
 */
public final class OverlayApplier {
    private static final long CELL_MASK = 0xffffffffL;

    private OverlayApplier() {
    }

    /**
     * Applies {@code overlay} (a tree compiled from {@code /plugin/} DTS, or read from a .dtbo)
     * onto {@code base}, in place. The overlay tree is modified as well (renumbered and fixed up,
     * as libfdt leaves it). On an error neither tree is changed: the whole application is first
     * run on copies.
     *
     * @param overlayName the overlay's file name, for messages
     * @throws InputException when libfdt would refuse the overlay; the message names the fragment,
     *                        node or property involved
     */
    public static void apply(DeviceTree base, DeviceTree overlay, String overlayName) {
        new Run(copy(base), copy(overlay), overlayName).run();
        new Run(base, overlay, overlayName).run();
    }

    /** One application of one overlay. */
    private static final class Run {
        private final DeviceTree base;
        private final DeviceTree overlay;
        private final String overlayName;

        Run(DeviceTree base, DeviceTree overlay, String overlayName) {
            this.base = base;
            this.overlay = overlay;
            this.overlayName = overlayName;
        }

        void run() {
            long delta = maxPhandle(base.root());
            adjustPhandles(overlay.root(), delta);
            updateLocalReferences(delta);
            fixupPhandles();
            merge();
            updateSymbols();
        }

        // ---- 1. renumber the overlay's phandles ------------------------------------------

        private void adjustPhandles(Node node, long delta) {
            adjustPhandle(node, "phandle", delta);
            adjustPhandle(node, "linux,phandle", delta);
            syncPhandle(node);
            for (Node c : node.liveChildren()) {
                adjustPhandles(c, delta);
            }
        }

        private void adjustPhandle(Node node, String name, long delta) {
            Property p = node.property(name);
            if (p == null) {
                return;
            }
            if (p.value().length() != 4) {
                throw error(node, p, node.path() + ": " + name + " property is " + p.value().length()
                        + " bytes long, not one cell");
            }
            long adjusted = p.value().cellAt(0) + delta;
            if (adjusted >= CELL_MASK) {
                throw error(node, p, String.format("%s: %s 0x%x plus the base tree's highest phandle 0x%x"
                        + " leaves no valid phandle", node.path(), name, p.value().cellAt(0), delta));
            }
            p.setValue(withCell(p.value(), 0, adjusted));
        }

        // ---- 2. /__local_fixups__ ---------------------------------------------------------

        private void updateLocalReferences(long delta) {
            Node fixups = pathLookup(overlay, "/__local_fixups__");
            if (fixups != null) {
                updateLocalNodeReferences(overlay.root(), fixups, delta);
            }
        }

        private void updateLocalNodeReferences(Node treeNode, Node fixupNode, long delta) {
            for (Property fp : fixupNode.liveProperties()) {
                String where = fixupNode.path() + ":" + fp.name();
                PropertyValue fv = fp.value();
                if (fv.length() % 4 != 0) {
                    throw error(fixupNode, fp, where + ": local fixup is " + fv.length()
                            + " bytes long, not a list of cells");
                }
                Property target = treeNode.property(fp.name());
                if (target == null) {
                    throw error(fixupNode, fp, where + ": local fixup names property " + fp.name()
                            + " that " + treeNode.path() + " does not have");
                }
                byte[] bytes = target.value().bytes();
                for (int i = 0; i < fv.length(); i += 4) {
                    long offset = fv.cellAt(i);
                    if (offset + 4 > bytes.length) {
                        throw error(fixupNode, fp, String.format("%s: local fixup offset %d is outside "
                                + "%s:%s (%d bytes)", where, offset, treeNode.path(), fp.name(), bytes.length));
                    }
                    int off = (int) offset;
                    PropertyValue.putCell(bytes, off, (cellAt(bytes, off) + delta) & CELL_MASK);
                }
                target.setValue(new PropertyValue(bytes, target.value().markers()));
                syncPhandle(treeNode);
            }
            for (Node fc : fixupNode.liveChildren()) {
                Node tc = subnode(treeNode, fc.name());
                if (tc == null) {
                    throw error(fc, null, fc.path() + ": local fixup node names " + childPath(treeNode, fc.name())
                            + ", which the overlay does not have");
                }
                updateLocalNodeReferences(tc, fc, delta);
            }
        }

        // ---- 3. /__fixups__ ---------------------------------------------------------------

        private void fixupPhandles() {
            Node fixups = pathLookup(overlay, "/__fixups__");
            if (fixups == null) {
                return;
            }
            Node symbols = pathLookup(base, "/__symbols__");
            for (Property fp : fixups.liveProperties()) {
                fixupPhandle(symbols, fixups, fp);
            }
        }

        private void fixupPhandle(Node symbols, Node fixups, Property fp) {
            String label = fp.name();
            byte[] v = fp.value().bytesUnsafe();
            int pos = 0;
            int len = v.length;
            do {
                int nul = indexOfNul(v, pos, pos + len);
                if (nul < 0) {
                    throw error(fixups, fp, "/__fixups__:" + label + ": entry is not a NUL-terminated string");
                }
                String entry = iso(v, pos, nul);
                len -= nul - pos + 1;
                pos = nul + 1;
                String bad = "/__fixups__:" + label + ": bad entry \"" + entry
                        + "\" (expected \"/path/of/node:property:byte-offset\")";
                int c1 = entry.indexOf(':');
                if (c1 < 0 || c1 == entry.length() - 1) {
                    throw error(fixups, fp, bad);
                }
                int c2 = entry.indexOf(':', c1 + 1);
                if (c2 < 0 || c2 == c1 + 1) {
                    throw error(fixups, fp, bad);
                }
                long offset = parseOffset(entry.substring(c2 + 1));
                if (offset < 0) {
                    throw error(fixups, fp, bad);
                }
                fixupOnePhandle(symbols, fixups, fp, entry.substring(0, c1), entry.substring(c1 + 1, c2), offset);
            } while (len > 0);
        }

        private void fixupOnePhandle(Node symbols, Node fixups, Property fp, String path, String propName,
                long offset) {
            String label = fp.name();
            String ref = "reference to \"" + label + "\" at " + path + ":" + propName;
            if (symbols == null) {
                throw error(fixups, fp, ref + " cannot be resolved: the base tree has no /__symbols__ node"
                        + " (compile it with dtc -@)");
            }
            Property symbol = symbols.property(label);
            if (symbol == null) {
                throw error(fixups, fp, ref + " cannot be resolved: label \"" + label
                        + "\" is not in the base tree's /__symbols__");
            }
            String symbolPath = cString(symbol.value());
            Node target = pathLookup(base, symbolPath);
            if (target == null) {
                throw error(fixups, fp, ref + " cannot be resolved: the base tree's /__symbols__/" + label
                        + " is \"" + symbolPath + "\", which names no node of the base tree");
            }
            long phandle = target.phandle();
            if (phandle == Node.NO_PHANDLE) {
                throw error(fixups, fp, ref + " cannot be resolved: base node " + target.path()
                        + " (label \"" + label + "\") has no phandle");
            }
            Node node = pathLookup(overlay, path);
            if (node == null) {
                throw error(fixups, fp, "/__fixups__:" + label + ": entry names node " + path
                        + ", which the overlay does not have");
            }
            Property prop = node.property(propName);
            if (prop == null) {
                throw error(fixups, fp, "/__fixups__:" + label + ": entry names property " + path + ":"
                        + propName + ", which the overlay does not have");
            }
            if (offset + 4 > prop.value().length()) {
                throw error(fixups, fp, String.format("/__fixups__:%s: offset %d is outside %s:%s (%d bytes)",
                        label, offset, path, propName, prop.value().length()));
            }
            prop.setValue(withCell(prop.value(), (int) offset, phandle));
            syncPhandle(node);
        }

        // ---- 4. merge the fragments -------------------------------------------------------

        private void merge() {
            for (Node fragment : overlay.root().liveChildren()) {
                Node body = subnode(fragment, "__overlay__");
                if (body == null) {
                    continue;
                }
                Target target = target(fragment, "");
                applyNode(target.node(), body);
            }
        }

        private void applyNode(Node target, Node source) {
            boolean phandleSet = false;
            for (Property p : source.liveProperties()) {
                setProperty(target, p.name(), typeHintsOnly(p.value()), p.pos());
                phandleSet |= p.name().equals("phandle") || p.name().equals("linux,phandle");
            }
            if (phandleSet) {
                syncPhandle(target);
            }
            for (Node child : source.liveChildren()) {
                Node into = subnode(target, child.name());
                if (into == null) {
                    into = new Node(child.name(), child.pos());
                    target.addChildFirst(into);
                }
                applyNode(into, child);
            }
        }

        /** A fragment's target in the base tree, and the target-path text if that was used. */
        private record Target(Node node, String path) {
        }

        /** libfdt's overlay_get_target: {@code target} first (unless 0), then {@code target-path}. */
        private Target target(Node fragment, String context) {
            Property t = fragment.property("target");
            long phandle = 0;
            if (t != null) {
                if (t.value().length() != 4 || t.value().cellAt(0) == CELL_MASK) {
                    throw error(fragment, t, "fragment " + fragment.path() + ": target must be one phandle cell"
                            + (t.value().length() == 4 ? " other than 0xffffffff (an unresolved reference)" : ""));
                }
                phandle = t.value().cellAt(0);
            }
            if (phandle != 0) {
                Node node = base.nodeByPhandle(phandle);
                if (node == null) {
                    throw error(fragment, t, String.format("fragment %s: target phandle 0x%x matches no node"
                            + " of the base tree%s", fragment.path(), phandle, context));
                }
                return new Target(node, null);
            }
            Property tp = fragment.property("target-path");
            if (tp == null) {
                throw error(fragment, t, "fragment " + fragment.path() + " has an __overlay__ node but "
                        + (t == null ? "neither a target nor a target-path property" : "target = <0> and no target-path"));
            }
            String path = cString(tp.value());
            Node node = pathLookup(base, path);
            if (node == null) {
                throw error(fragment, tp, "fragment " + fragment.path() + ": target-path \"" + path
                        + "\" matches no node of the base tree" + context);
            }
            return new Target(node, path);
        }

        // ---- 5. symbols -------------------------------------------------------------------

        private void updateSymbols() {
            Node ovSymbols = subnode(overlay.root(), "__symbols__");
            if (ovSymbols == null) {
                return;
            }
            Node symbols = subnode(base.root(), "__symbols__");
            if (symbols == null) {
                symbols = new Node("__symbols__", ovSymbols.pos());
                base.root().addChildFirst(symbols);
            }
            for (Property p : ovSymbols.liveProperties()) {
                byte[] v = p.value().bytesUnsafe();
                String where = "/__symbols__:" + p.name();
                if (v.length < 1 || indexOfNul(v, 0, v.length) != v.length - 1) {
                    throw error(ovSymbols, p, where + ": value is not one string");
                }
                String path = iso(v, 0, v.length - 1);
                if (!path.startsWith("/")) {
                    throw error(ovSymbols, p, where + ": \"" + path + "\" is not an absolute path");
                }
                int s = path.indexOf('/', 1);
                if (s < 0) {
                    continue; // a node that does not end up in the base tree
                }
                String fragName = path.substring(1, s);
                String rest = path.substring(s);
                String rel;
                if (rest.startsWith("/__overlay__/")) {
                    rel = rest.substring("/__overlay__/".length());
                } else if (rest.equals("/__overlay__")) {
                    rel = "";
                } else {
                    continue; // outside any __overlay__: not copied into the base tree
                }
                Node fragment = subnode(overlay.root(), fragName);
                if (fragment == null) {
                    throw error(ovSymbols, p, where + ": \"" + path + "\" names fragment /" + fragName
                            + ", which the overlay does not have");
                }
                if (subnode(fragment, "__overlay__") == null) {
                    throw error(ovSymbols, p, where + ": \"" + path + "\" names fragment " + fragment.path()
                            + ", which has no __overlay__ node");
                }
                Target target = target(fragment, " (looked up again to add symbol \"" + p.name()
                        + "\" to the base tree's /__symbols__, after merging; a phandle copied from the overlay"
                        + " may have replaced the target's)");
                String prefix = target.path() != null ? target.path() : target.node().path();
                String value = Fdt.encodeName(prefix).length > 1 ? prefix + "/" + rel : "/" + rel;
                setProperty(symbols, p.name(), stringValue(value), p.pos());
            }
        }

        // ---- helpers ----------------------------------------------------------------------

        private InputException error(Node node, Property prop, String message) {
            SourcePos pos = prop != null ? prop.pos() : node != null ? node.pos() : null;
            if (pos == null || pos.line() <= 0) {
                pos = SourcePos.ofFile(overlayName);
            }
            String prefix = pos.file().equals(overlayName) ? "cannot apply overlay: "
                    : "cannot apply overlay " + overlayName + ": ";
            return new InputException(pos, prefix + message);
        }
    }

    // ---- libfdt's lookups -----------------------------------------------------------------

    /**
     * libfdt's fdt_subnode_offset: the first live child whose name is {@code name}, or, when
     * {@code name} has no {@code @}, starts with {@code name@}.
     */
    static Node subnode(Node parent, String name) {
        boolean fuzzy = name.indexOf('@') < 0;
        for (Node c : parent.children()) {
            if (c.isDeleted()) {
                continue;
            }
            String n = c.name();
            if (n.equals(name) || (fuzzy && n.length() > name.length() && n.startsWith(name)
                    && n.charAt(name.length()) == '@')) {
                return c;
            }
        }
        return null;
    }

    /** libfdt's fdt_path_offset: absolute paths, or an alias of /aliases followed by a path. */
    static Node pathLookup(DeviceTree tree, String path) {
        return pathLookup(tree, path, 0);
    }

    private static Node pathLookup(DeviceTree tree, String path, int depth) {
        int end = path.length();
        int p = 0;
        Node node = tree.root();
        if (!path.startsWith("/")) {
            int q = path.indexOf('/');
            if (q < 0) {
                q = end;
            }
            Node aliases = depth > 0 ? null : pathLookup(tree, "/aliases", depth + 1);
            Property alias = aliases == null ? null : aliases.property(path.substring(0, q));
            if (alias == null) {
                return null;
            }
            String aliasPath = cString(alias.value());
            if (!aliasPath.startsWith("/")) {
                return null;
            }
            node = pathLookup(tree, aliasPath, depth + 1);
            if (node == null) {
                return null;
            }
            p = q;
        }
        while (p < end) {
            while (path.charAt(p) == '/') {
                p++;
                if (p == end) {
                    return node;
                }
            }
            int q = path.indexOf('/', p);
            if (q < 0) {
                q = end;
            }
            node = subnode(node, path.substring(p, q));
            if (node == null) {
                return null;
            }
            p = q;
        }
        return node;
    }

    /** The highest phandle of the live nodes (libfdt's fdt_find_max_phandle). */
    private static long maxPhandle(Node node) {
        long max = node.phandle();
        for (Node c : node.liveChildren()) {
            max = Math.max(max, maxPhandle(c));
        }
        return max;
    }

    /** Sets {@link Node#phandle()} from the properties, as fdt_get_phandle reads them. */
    private static void syncPhandle(Node node) {
        long ph = cellProperty(node, "phandle");
        if (ph < 0) {
            ph = cellProperty(node, "linux,phandle");
        }
        node.setPhandle(ph < 0 || ph == CELL_MASK ? Node.NO_PHANDLE : ph);
    }

    /** The one-cell value of a property, or -1 if it is absent or not 4 bytes long. */
    private static long cellProperty(Node node, String name) {
        Property p = node.property(name);
        return p == null || p.value().length() != 4 ? -1 : p.value().cellAt(0);
    }

    /** fdt_setprop: replace the value in place, or add the property in front of the others. */
    private static void setProperty(Node node, String name, PropertyValue value, SourcePos pos) {
        Property existing = node.property(name);
        if (existing != null) {
            existing.setValue(value);
            existing.setPos(pos);
        } else {
            node.addPropertyFirst(new Property(name, value, pos));
        }
    }

    /** The offset text of a fixup entry as strtoul(…, 10) must consume it whole; -1 if bad. */
    private static long parseOffset(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '+') {
            i++;
        }
        if (i == text.length() || text.length() - i > 10) {
            return -1;
        }
        long v = 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v > Integer.MAX_VALUE ? -1 : v;
    }

    private static PropertyValue typeHintsOnly(PropertyValue v) {
        List<Marker> hints = new ArrayList<>();
        for (Marker m : v.markers()) {
            if (m.type().isTypeHint()) {
                hints.add(m);
            }
        }
        return hints.size() == v.markers().size() ? v : new PropertyValue(v.bytesUnsafe(), hints);
    }

    private static PropertyValue stringValue(String s) {
        byte[] b = Fdt.encodeName(s);
        return new PropertyValue.Builder().mark(MarkerType.TYPE_STRING, null).appendBytes(b).appendByte(0).build();
    }

    private static PropertyValue withCell(PropertyValue v, int offset, long cell) {
        byte[] bytes = v.bytes();
        PropertyValue.putCell(bytes, offset, cell);
        return new PropertyValue(bytes, v.markers());
    }

    private static long cellAt(byte[] b, int off) {
        return ((b[off] & 0xffL) << 24) | ((b[off + 1] & 0xffL) << 16) | ((b[off + 2] & 0xffL) << 8)
                | (b[off + 3] & 0xffL);
    }

    private static int indexOfNul(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String iso(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** A value read as a C string: up to the first NUL. */
    private static String cString(PropertyValue v) {
        byte[] b = v.bytesUnsafe();
        int nul = indexOfNul(b, 0, b.length);
        return iso(b, 0, nul < 0 ? b.length : nul);
    }

    private static String childPath(Node parent, String name) {
        return parent.isRoot() ? "/" + name : parent.path() + "/" + name;
    }

    // ---- copies for the dry run -----------------------------------------------------------

    private static DeviceTree copy(DeviceTree tree) {
        DeviceTree c = new DeviceTree(copy(tree.root()));
        c.setPlugin(tree.isPlugin());
        c.setBootCpuidPhys(tree.bootCpuidPhys());
        for (MemReserve r : tree.memReserves()) {
            c.memReserves().add(r);
        }
        return c;
    }

    private static Node copy(Node node) {
        Node c = new Node(node.name(), node.pos());
        c.setPhandle(node.phandle());
        for (Property p : node.liveProperties()) {
            c.addProperty(new Property(p.name(), p.value(), p.pos()));
        }
        for (Node child : node.liveChildren()) {
            c.addChild(copy(child));
        }
        return c;
    }
}
