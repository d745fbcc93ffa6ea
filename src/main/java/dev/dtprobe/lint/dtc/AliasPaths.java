package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;

/**
 * dtc 1.6.1's {@code alias_paths}: applies to every node named {@code aliases}; values are
 * resolved with dtc's path lookup (so a value without a leading slash, or an empty string,
 * resolves too).
 */
public final class AliasPaths extends LintRule {
    static final RuleInfo INFO = DtcCheck.info("alias_paths", RuleLevel.WARNING)
            .summary("every alias is the path of an existing node and is named [a-z0-9-]")
            .description("Each property of /aliases (except 'phandle') maps an alias name to the full path "
                    + "of a node, usually written '&label'. A path that names no node is reported, and so "
                    + "are alias names with characters other than lowercase letters, digits and '-'.")
            .example("/ { aliases { serial0 = \"/soc/uart@1000\"; }; };")
            .build();

    private static final String NAME_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789-";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        if (!node.name().equals("aliases")) {
            return;
        }
        for (Property p : node.liveProperties()) {
            if (p.name().equals("phandle") || p.name().equals("linux,phandle")) {
                continue;
            }
            String path = DtcValues.cString(p.value());
            if (path == null || DtcPaths.nodeByPath(ctx.tree().root(), path) == null) {
                ctx.report(node, p, "aliases property is not a valid node (" + DtcValues.printed(p.value()) + ")");
                continue;
            }
            if (NameChars.span(p.name(), NAME_CHARS) != p.name().length()) {
                ctx.report(node, "aliases property name must include only lowercase and '-'");
            }
        }
    }
}
