package dev.dtprobe.lint.dtc;

import dev.dtprobe.diag.Diagnostic;
import dev.dtprobe.lint.LintContext;
import dev.dtprobe.tree.Node;
import java.util.function.Predicate;

/**
 * Re-reports what the front end found while running one of dtc's tree passes (explicit
 * phandles, reference resolution). Those passes change the tree, so afterwards the problem can
 * no longer be seen in it; the front end, loading with dtc's {@code -f}, kept each failure as a
 * diagnostic named after the dtc check, with the message {@code /path[:prop]: text}.
 */
final class FrontEndFindings {
    private FrontEndFindings() {
    }

    /**
     * Reports every front-end diagnostic of {@code dtcCheck} as a finding of the running rule.
     * dtc places some of these messages on the node although the front end names the property;
     * {@code onProperty} says which texts dtc reports on the property.
     */
    static void reReport(LintContext ctx, String dtcCheck, Predicate<String> onProperty) {
        for (Diagnostic d : ctx.frontEndDiagnostics()) {
            if (!dtcCheck.equals(d.check())) {
                continue;
            }
            String message = d.message();
            int sep = message.indexOf(": ");
            String where = sep < 0 ? "/" : message.substring(0, sep);
            String text = sep < 0 ? message : message.substring(sep + 2);
            int colon = where.indexOf(':');
            String path = colon < 0 ? where : where.substring(0, colon);
            String property = colon < 0 ? null : where.substring(colon + 1);
            Node node = nodeAt(ctx.tree().root(), path);
            if (node == null) {
                ctx.report(ctx.tree().root(), message);
            } else if (property != null && onProperty.test(text)) {
                ctx.report(node, property, text);
            } else {
                ctx.report(node, text);
            }
        }
    }

    /** The node at an absolute path, preferring live nodes but finding deleted ones too. */
    private static Node nodeAt(Node root, String path) {
        Node n = root;
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            Node next = n.child(part);
            n = next != null ? next : n.childIncludingDeleted(part);
            if (n == null) {
                return null;
            }
        }
        return n;
    }
}
