package dev.dtprobe.graph;

import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The interrupt tree walk of {@code drivers/of/irq.c} (v6.12): {@code of_irq_find_parent},
 * {@code of_irq_parse_one}, {@code of_irq_parse_raw} and {@code of_irq_parse_imap_parent}. Only the
 * resolved controller node matters to fw_devlink, but the specifier is carried along because
 * interrupt-map matching depends on it.
 */
final class InterruptResolver {
    /** A resolved interrupt: the controller (or nexus) node and its specifier. */
    record Irq(Node np, long[] args) {
    }

    /** Controllers whose own interrupt-map the core ignores ({@code of_irq_imap_abusers}). */
    private static final List<String> IMAP_ABUSERS = List.of("CBEA,platform-spider-pic",
            "sti,platform-spider-pic", "realtek,rtl-intc", "fsl,ls1021a-extirq", "fsl,ls1043a-extirq",
            "fsl,ls1088a-extirq", "renesas,rza1-irqc", "pasemi,rootbus");

    private final DeviceGraph graph;

    InterruptResolver(DeviceGraph graph) {
        this.graph = graph;
    }

    /**
     * {@code of_irq_find_parent}: follow interrupt-parent (or the tree parent when it is absent)
     * until a node with {@code #interrupt-cells}. The kernel loops for ever on an interrupt-parent
     * cycle among nodes without #interrupt-cells; here that gives null.
     */
    Node findParent(Node child) {
        Set<Node> seen = new HashSet<>();
        Node cur = child;
        Node p;
        do {
            Long ip = Props.u32(cur, "interrupt-parent");
            p = ip == null ? cur.parent() : graph.byPhandle(ip);
            cur = p;
            if (p != null && !seen.add(p)) {
                return null;
            }
        } while (p != null && !Props.has(p, "#interrupt-cells"));
        return p;
    }

    /** {@code of_irq_parse_one(device, index)}: null wherever the kernel returns an error. */
    Irq parseOne(Node device, int index) {
        long[] addr = regPrefix(device);
        PhandleWalker.Entry ext = PhandleWalker.at(
                PhandleWalker.walk(graph, device, "interrupts-extended", "#interrupt-cells", -1), index);
        if (ext != null) {
            return parseRaw(addr, new Irq(ext.node(), ext.args()));
        }
        Node p = findParent(device);
        if (p == null) {
            return null;
        }
        Long intsize = Props.u32(p, "#interrupt-cells");
        if (intsize == null) {
            return null;
        }
        int n = (int) Math.min(intsize, PhandleWalker.MAX_ARGS);
        long[] args = new long[n];
        Property ints = device.property("interrupts");
        for (int i = 0; i < n; i++) {
            long cell = (long) index * intsize + i;
            if (ints == null || (cell + 1) * 4 > ints.value().length()) {
                return null;
            }
            args[i] = ints.value().cellAt((int) cell * 4);
        }
        return parseRaw(addr, new Irq(p, args));
    }

    /** The first up-to-3 cells of reg, zero padded (the kernel's {@code addr_buf}). */
    private static long[] regPrefix(Node device) {
        long[] addr = new long[3];
        Property reg = device.property("reg");
        if (reg != null) {
            long[] c = Props.cells(reg);
            System.arraycopy(c, 0, addr, 0, Math.min(3, c.length));
        }
        return addr;
    }

    /**
     * {@code of_irq_parse_raw}: from the given parent, translate through interrupt-map nexus nodes
     * until an interrupt controller. Includes the 2024 fix that keeps {@code out_irq->np} in step
     * when a level without a map is skipped.
     */
    Irq parseRaw(long[] addr, Irq in) {
        Node ipar = in.np();
        long intsize = 1;
        while (ipar != null) {
            Long v = Props.u32(ipar, "#interrupt-cells");
            if (v != null) {
                intsize = v;
                break;
            }
            ipar = findParent(ipar);
        }
        if (ipar == null || in.args().length != intsize) {
            return null;
        }
        long addrsize = legacyAddressCells(ipar);
        if (addrsize + intsize > PhandleWalker.MAX_ARGS) {
            return null;
        }
        long[] match = new long[(int) (addrsize + intsize)];
        for (int i = 0; i < addrsize; i++) {
            match[i] = i < addr.length ? addr[i] : 0;
        }
        System.arraycopy(in.args(), 0, match, (int) addrsize, (int) intsize);
        long[] args = in.args();
        Set<Node> visited = new HashSet<>();

        while (ipar != null) {
            if (!visited.add(ipar)) {
                return null; // a map/parent loop: the kernel would spin; report failure instead
            }
            boolean intc = Props.has(ipar, "interrupt-controller");
            Property imapProp = ipar.property("interrupt-map");
            if (intc && (imapProp == null || compatibleWithAny(ipar, IMAP_ABUSERS))) {
                return new Irq(ipar, args);
            }
            if (imapProp == null) {
                ipar = findParent(ipar);
                continue;
            }
            long[] imap = Props.cells(imapProp);
            Property maskProp = ipar.property("interrupt-map-mask");
            long[] mask = maskProp == null ? null : Props.cells(maskProp);
            int pos = 0;
            int len = imap.length;
            boolean matched = false;
            ImapParent parent = null;
            int matchStart = 0;
            while (len > addrsize + intsize + 1) {
                boolean m = true;
                for (int i = 0; i < addrsize + intsize; i++, len--) {
                    long mk = mask == null || i >= mask.length ? 0xffffffffL : mask[i];
                    m &= ((match[i] ^ imap[pos++]) & mk) == 0;
                }
                matchStart = pos;
                parent = parseImapParent(imap, pos, len);
                if (parent == null) {
                    return null;
                }
                m &= DeviceGraph.isAvailable(parent.irq.np());
                if (m) {
                    matched = true;
                    break;
                }
                len -= parent.next - pos;
                pos = parent.next;
            }
            if (!matched) {
                return null;
            }
            Node newpar = parent.irq.np();
            args = parent.irq.args();
            intsize = args.length;
            // match_array = oldimap + 1: the parent's unit address then its specifier
            match = Arrays.copyOfRange(imap, matchStart + 1, parent.next);
            addrsize = match.length - intsize;
            if (newpar == ipar) {
                return new Irq(ipar, args);
            }
            ipar = newpar;
        }
        return null;
    }

    /** Old Linux trick kept by v6.12: #address-cells of the node or an ancestor, default 2. */
    private static long legacyAddressCells(Node n) {
        for (Node c = n; c != null; c = c.parent()) {
            Property p = c.property("#address-cells");
            if (p != null) {
                return p.value().length() >= 4 ? p.value().cellAt(0) : 0;
            }
        }
        return 2;
    }

    /** One parsed interrupt-map parent: its specifier and the index just past the entry. */
    record ImapParent(Irq irq, int next) {
    }

    /** {@code of_irq_parse_imap_parent(imap + pos, len)}; null where the kernel returns NULL. */
    ImapParent parseImapParent(long[] imap, int pos, int len) {
        if (pos >= imap.length) {
            return null;
        }
        Node np = graph.byPhandle(imap[pos]);
        pos++;
        len--;
        if (np == null) {
            return null;
        }
        Long intsize = Props.u32(np, "#interrupt-cells");
        if (intsize == null) {
            return null;
        }
        Long a = Props.u32(np, "#address-cells");
        long addrsize = a == null ? 0 : a;
        if (addrsize + intsize > PhandleWalker.MAX_ARGS || len < addrsize + intsize
                || pos + addrsize + intsize > imap.length) {
            return null;
        }
        int next = (int) (pos + addrsize + intsize);
        long[] args = Arrays.copyOfRange(imap, (int) (next - intsize), next);
        return new ImapParent(new Irq(np, args), next);
    }

    /**
     * The parents listed by a nexus node's own interrupt-map, in order, as fw_devlink's
     * {@code parse_interrupt_map} walks them (stopping at the first unparsable entry).
     */
    List<Node> interruptMapParents(Node np) {
        Long intcells = Props.u32(np, "#interrupt-cells");
        Property prop = np.property("interrupt-map");
        if (intcells == null || prop == null) {
            return List.of();
        }
        long addrcells = Props.busAddressCells(np);
        long[] imap = Props.cells(prop);
        List<Node> out = new ArrayList<>();
        long pos = 0;
        while (pos + addrcells + intcells + 1 < imap.length) {
            pos += addrcells + intcells;
            ImapParent p = parseImapParent(imap, (int) pos, (int) (imap.length - pos));
            if (p == null) {
                break;
            }
            out.add(p.irq().np());
            pos = p.next();
        }
        return out;
    }

    private static boolean compatibleWithAny(Node n, List<String> compatibles) {
        Property p = n.property("compatible");
        if (p == null) {
            return false;
        }
        for (String c : p.value().strings()) {
            for (String want : compatibles) {
                if (want.equalsIgnoreCase(c)) { // of_compat_cmp is strcasecmp
                    return true;
                }
            }
        }
        return false;
    }
}
