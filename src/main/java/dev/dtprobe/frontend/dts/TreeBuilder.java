package dev.dtprobe.frontend.dts;

import dev.dtprobe.diag.InputException;
import dev.dtprobe.diag.SourcePos;
import dev.dtprobe.frontend.dts.grammar.DtsLexer;
import dev.dtprobe.frontend.dts.grammar.DtsParser;
import dev.dtprobe.tree.DeviceTree;
import dev.dtprobe.tree.MarkerType;
import dev.dtprobe.tree.MemReserve;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import dev.dtprobe.tree.PropertyValue;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Builds the live tree from a parse tree the way dtc's parser actions do: every node body
 * becomes a detached node (with deletion markers kept as deleted entries), top-level items are
 * applied in source order against the tree built so far, and repeated definitions are merged
 * with {@link NodeMerger}. References inside values are left as markers for {@link Fixups}.
 */
final class TreeBuilder {
    private final SourceMapping map;
    private final ExpressionEvaluator eval;
    private final IncbinLoader incbin;
    private DeviceTree tree;
    private References refs;
    private int nextFragment;

    TreeBuilder(SourceMapping map, IncbinLoader incbin) {
        this.map = map;
        this.eval = new ExpressionEvaluator(map);
        this.incbin = incbin;
    }

    DeviceTree build(DtsParser.DtsFileContext file) {
        boolean plugin = headersArePlugin(file.header());
        List<MemReserve> reserves = new ArrayList<>();
        for (DtsParser.MemreserveContext m : file.memreserve()) {
            List<String> labels = new ArrayList<>();
            for (TerminalNode l : m.LABEL()) {
                labels.add(labelName(l.getSymbol()));
            }
            reserves.add(new MemReserve(eval.integerPrim(m.integerPrim(0)), eval.integerPrim(m.integerPrim(1)), labels));
        }

        DtsParser.FirstTreeContext first = file.firstTree();
        if (first instanceof DtsParser.RootTreeContext root) {
            tree = new DeviceTree(nodeBody(root.nodeBody(), "", root.SLASH().getSymbol()));
        } else {
            DtsParser.RefTreeContext ref = (DtsParser.RefTreeContext) first;
            if (!plugin) {
                throw error(ref.dtRef().getStart(), "Label or path " + refText(ref.dtRef()) + " not found");
            }
            tree = new DeviceTree(new Node("", pos(ref.getStart())));
            OverlayFragments.add(tree, refText(ref.dtRef()), nodeBody(ref.nodeBody(), "", ref.getStart()), nextFragment++);
        }
        tree.setPlugin(plugin);
        tree.memReserves().addAll(reserves);
        refs = new References(tree);

        for (DtsParser.TopItemContext item : file.topItem()) {
            topItem(item, plugin);
        }
        tree.setBootCpuidPhys(guessBootCpuid(tree));
        return tree;
    }

    private boolean headersArePlugin(List<DtsParser.HeaderContext> headers) {
        boolean plugin = headers.get(0).DT_PLUGIN() != null;
        for (DtsParser.HeaderContext h : headers) {
            if ((h.DT_PLUGIN() != null) != plugin) {
                throw error(h.getStart(), "Header flags don't match earlier ones");
            }
        }
        return plugin;
    }

    private void topItem(DtsParser.TopItemContext item, boolean plugin) {
        if (item instanceof DtsParser.RootAgainContext again) {
            NodeMerger.merge(tree.root(), nodeBody(again.nodeBody(), "", again.SLASH().getSymbol()));
        } else if (item instanceof DtsParser.ExtendNodeContext ext) {
            String ref = refText(ext.dtRef());
            Node target = refs.resolve(ref);
            Node body = nodeBody(ext.nodeBody(), "", ext.dtRef().getStart());
            if (plugin && (target == null || ref.startsWith("/"))) {
                OverlayFragments.add(tree, ref, body, nextFragment++);
                return;
            }
            if (target == null) {
                throw error(ext.dtRef().getStart(), "Label or path " + ref + " not found");
            }
            if (ext.LABEL() != null) {
                target.labels().add(labelName(ext.LABEL().getSymbol()), pos(ext.LABEL().getSymbol()));
            }
            NodeMerger.merge(target, body);
        } else if (item instanceof DtsParser.DeleteNodeByRefContext del) {
            resolveOrFail(del.dtRef()).deleteRecursively();
        } else {
            DtsParser.OmitNodeByRefContext omit = (DtsParser.OmitNodeByRefContext) item;
            resolveOrFail(omit.dtRef()).setOmitIfNoRef(true);
        }
    }

    private Node resolveOrFail(DtsParser.DtRefContext ref) {
        Node target = refs.resolve(refText(ref));
        if (target == null) {
            throw error(ref.getStart(), "Label or path " + refText(ref) + " not found");
        }
        return target;
    }

    /** A detached node for one {@code { ... };} body, with its children built recursively. */
    private Node nodeBody(DtsParser.NodeBodyContext body, String name, Token nameToken) {
        Node node = new Node(name, pos(nameToken));
        boolean sawSubnode = false;
        for (ParseTree child : body.children) {
            if (child instanceof DtsParser.PropDefContext prop) {
                if (sawSubnode) {
                    throw error(prop.getStart(), "Properties must precede subnodes");
                }
                node.addProperty(property(prop));
            } else if (child instanceof DtsParser.SubnodeContext sub) {
                sawSubnode = true;
                node.addChild(subnode(sub));
            }
        }
        return node;
    }

    /** Walks the context's children directly: ANTLR's generated accessors rescan them per call. */
    private Property property(DtsParser.PropDefContext ctx) {
        List<Token> labels = new ArrayList<>(1);
        Token name = null;
        PropertyValue value = PropertyValue.EMPTY;
        for (ParseTree child : ctx.children) {
            if (child instanceof TerminalNode t) {
                switch (t.getSymbol().getType()) {
                    case DtsLexer.LABEL -> labels.add(t.getSymbol());
                    case DtsLexer.PROPNODENAME -> name = t.getSymbol();
                    default -> {
                    }
                }
            } else if (child instanceof DtsParser.PropDataContext data) {
                value = propData(data);
            }
        }
        Property prop = new Property(nameText(name), value, pos(name));
        if (ctx instanceof DtsParser.DeletePropertyContext) {
            prop.setDeleted(true);
        }
        addLabels(prop.labels(), labels);
        return prop;
    }

    /** Labels written {@code a: b: x} end up in source order on dtc's prepend-only label stack. */
    private void addLabels(dev.dtprobe.tree.Labels target, List<Token> labels) {
        for (int i = labels.size() - 1; i >= 0; i--) {
            Token l = labels.get(i);
            target.add(labelName(l), pos(l));
        }
    }

    private Node subnode(DtsParser.SubnodeContext ctx) {
        List<Token> labels = new ArrayList<>(1);
        Token name = null;
        boolean omit = false;
        DtsParser.NodeBodyContext body = null;
        for (ParseTree child : ctx.children) {
            if (child instanceof TerminalNode t) {
                switch (t.getSymbol().getType()) {
                    case DtsLexer.LABEL -> labels.add(t.getSymbol());
                    case DtsLexer.PROPNODENAME -> name = t.getSymbol();
                    case DtsLexer.DT_OMIT_NO_REF -> omit = true;
                    default -> {
                    }
                }
            } else if (child instanceof DtsParser.NodeBodyContext b) {
                body = b;
            }
        }
        if (body == null) {
            Node marker = new Node(nameText(name), pos(name));
            marker.setDeleted(true);
            return marker;
        }
        Node node = nodeBody(body, nameText(name), name);
        addLabels(node.labels(), labels);
        node.setOmitIfNoRef(omit);
        return node;
    }

    /** Concatenates the components of a value, recording labels, types and references. */
    private PropertyValue propData(DtsParser.PropDataContext ctx) {
        PropertyValue.Builder b = new PropertyValue.Builder();
        for (ParseTree child : ctx.children) {
            if (child instanceof TerminalNode t && t.getSymbol().getType() == DtsLexer.LABEL) {
                b.mark(MarkerType.LABEL, labelName(t.getSymbol()));
            } else if (child instanceof DtsParser.ComponentContext c) {
                component(c, b);
            }
        }
        return b.build();
    }

    private void component(DtsParser.ComponentContext ctx, PropertyValue.Builder b) {
        if (ctx instanceof DtsParser.StringValueContext s) {
            b.appendStringBytes(stringBytes(s.STRING().getSymbol()));
        } else if (ctx instanceof DtsParser.CellArrayContext cells) {
            cellArray(cells, b);
        } else if (ctx instanceof DtsParser.ByteStringContext bytes) {
            b.mark(MarkerType.TYPE_UINT8, null);
            for (DtsParser.ByteItemContext item : bytes.byteItem()) {
                Token t = item.getStart();
                if (t.getType() == DtsLexer.BYTE) {
                    b.appendByte(Integer.parseInt(t.getText(), 16));
                } else {
                    b.mark(MarkerType.LABEL, labelName(t));
                }
            }
        } else if (ctx instanceof DtsParser.PathReferenceContext ref) {
            String target = refText(ref.dtRef());
            b.mark(MarkerType.TYPE_STRING, target);
            b.mark(MarkerType.REF_PATH, target);
        } else {
            DtsParser.IncbinContext inc = (DtsParser.IncbinContext) ctx;
            Token file = inc.STRING().getSymbol();
            long offset = inc.integerPrim().isEmpty() ? 0 : eval.integerPrim(inc.integerPrim(0));
            long length = inc.integerPrim().isEmpty() ? -1 : eval.integerPrim(inc.integerPrim(1));
            String name = new String(stringBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
            b.appendBytes(incbin.load(name, pos(file), offset, length));
        }
    }

    private void cellArray(DtsParser.CellArrayContext ctx, PropertyValue.Builder b) {
        int bits = 32;
        int i = 0;
        Token first = ((TerminalNode) ctx.getChild(0)).getSymbol();
        if (first.getType() == DtsLexer.DT_BITS) {
            Token lit = ((TerminalNode) ctx.getChild(1)).getSymbol();
            long requested;
            try {
                requested = Literals.parseInteger(lit.getText());
            } catch (Literals.BadLiteral e) {
                throw error(lit, e.getMessage());
            }
            if (requested != 8 && requested != 16 && requested != 32 && requested != 64) {
                throw error(lit, "Array elements must be 8, 16, 32 or 64-bits");
            }
            bits = (int) requested;
            i = 2;
        }
        b.beginCells(bits);
        int size = bits / 8;
        long mask = bits < 64 ? (1L << bits) - 1 : -1L;
        for (int n = ctx.getChildCount(); i < n; i++) {
            if (!(ctx.getChild(i) instanceof DtsParser.CellContext cell)) {
                continue; // '<' and '>'
            }
            ParseTree content = cell.getChild(0);
            if (content instanceof DtsParser.IntegerPrimContext prim) {
                long v = eval.integerPrim(prim);
                if (Long.compareUnsigned(v, mask) > 0 && (v | mask) != -1L) {
                    throw error(cell.getStart(), "Value out of range for " + bits + "-bit array element");
                }
                b.appendInt(v, size);
            } else if (content instanceof DtsParser.DtRefContext ref) {
                if (bits != 32) {
                    throw error(cell.getStart(), "References are only allowed in arrays with 32-bit elements.");
                }
                b.mark(MarkerType.REF_PHANDLE, refText(ref));
                b.appendInt(0xffffffffL, 4);
            } else {
                b.mark(MarkerType.LABEL, labelName(((TerminalNode) content).getSymbol()));
            }
        }
    }

    private byte[] stringBytes(Token t) {
        String text = t.getText();
        try {
            return Literals.unescape(text.substring(1, text.length() - 1));
        } catch (Literals.BadLiteral e) {
            throw error(t, e.getMessage());
        }
    }

    /** dtc's guess_boot_cpuid: the one-cell {@code reg} of the first child of /cpus, else 0. */
    private static long guessBootCpuid(DeviceTree tree) {
        Node cpus = tree.nodeAtPath("/cpus");
        if (cpus == null || cpus.children().isEmpty()) {
            return 0;
        }
        Property reg = cpus.children().get(0).property("reg");
        if (reg == null || reg.value().length() != 4) {
            return 0;
        }
        return reg.value().cellAt(0);
    }

    static String refText(DtsParser.DtRefContext ref) {
        String text = ref.getStart().getText();
        // &label -> label, &{/path} -> /path
        return text.startsWith("&{") ? text.substring(2, text.length() - 1) : text.substring(1);
    }

    private static String labelName(Token t) {
        String text = t.getText();
        return text.substring(0, text.length() - 1);
    }

    private static String nameText(Token t) {
        String text = t.getText();
        return text.startsWith("\\") ? text.substring(1) : text;
    }

    private SourcePos pos(Token t) {
        return map.posAt(t.getStartIndex());
    }

    private InputException error(Token t, String message) {
        return new InputException(pos(t), message);
    }
}
