package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;

/**
 * dtc's {@code X_property} checks ({@code clocks_property}, {@code iommus_property}, ...): one
 * rule per line of {@link PhandleProvider#ALL}, each with its own id.
 */
public final class PhandleArgsProperty extends LintRule {
    private final PhandleProvider provider;
    private final RuleInfo info;

    PhandleArgsProperty(PhandleProvider provider) {
        this.provider = provider;
        String p = provider.property();
        String cells = provider.cellsProperty();
        String providerNode = "p: provider { " + cells + " = <1>; }; ";
        this.info = DtcCheck.info(provider.propertyCheck(), RuleLevel.WARNING)
                .summary("'" + p + "' entries are a phandle plus the provider's " + cells + " arguments")
                .description("'" + p + "' is a list of <&provider arg...> entries; each provider says in '"
                        + cells + "' how many argument cells follow its phandle"
                        + (provider.optional() ? " (a provider without it takes none)" : "")
                        + ". The property must be whole cells, every entry must start with a reference to an "
                        + "existing node" + (provider.optional() ? "" : " that has '" + cells + "'")
                        + ", and the last entry must be complete. A 0 or 0xffffffff cell is an empty entry.")
                .example("/ { " + providerNode + "consumer { " + p + " = <&p>; }; };")
                .prerequisites(DtcCheck.idOf(provider.isCellCheck()), "phandle-references")
                .build();
    }

    @Override
    public RuleInfo info() {
        return info;
    }

    @Override
    public void visitNode(Node node, LintContext ctx) {
        Property prop = node.property(provider.property());
        if (prop != null) {
            PhandleArgsCheck.check(node, prop, provider.cellsProperty(), provider.optional(), ctx);
        }
    }
}
