package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.tree.Node;
import java.util.HashMap;
import java.util.Map;

/**
 * dtc's get_node_by_phandle for one lint run: the first live node in tree order with that
 * phandle; 0 and 0xffffffff never resolve. Built once, shared by every phandle check.
 */
final class DtcPhandles {
    private final Map<Long, Node> byPhandle = new HashMap<>();

    private DtcPhandles(LintContext ctx) {
        ctx.tree().forEachLiveNode(n -> {
            if (isValid(n.phandle())) {
                byPhandle.putIfAbsent(n.phandle(), n);
            }
        });
    }

    static DtcPhandles of(LintContext ctx) {
        return ctx.shared(DtcPhandles.class, DtcPhandles::new);
    }

    Node node(long phandle) {
        return byPhandle.get(phandle & 0xffffffffL);
    }

    /** dtc's phandle_is_valid: neither 0 nor -1 (the "empty entry" markers of phandle lists). */
    static boolean isValid(long phandle) {
        long p = phandle & 0xffffffffL;
        return p != 0 && p != 0xffffffffL;
    }
}
