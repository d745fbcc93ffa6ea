package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;

/**
 * dtc's {@code explicit_phandles}, a tree pass the front end runs while loading: its failures
 * are re-reported from the front end's diagnostics.
 */
public final class ExplicitPhandles extends LintRule {
    static final RuleInfo INFO = DtcCheck.info("explicit_phandles", RuleLevel.ERROR)
            .summary("'phandle' and 'linux,phandle' properties are valid and unique")
            .description("A 'phandle' or 'linux,phandle' property written in the source must be one cell, "
                    + "neither 0 nor 0xffffffff, not used by another node, and equal to the other "
                    + "property if both are present. '<&self>' (a reference to the node itself) asks "
                    + "for a phandle to be allocated; a reference to another node is an error.")
            .example("/ { a { phandle = <1>; }; b { phandle = <1>; }; };")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void finish(LintContext ctx) {
        // dtc reports bad lengths and values on the property, everything else on the node
        FrontEndFindings.reReport(ctx, "explicit_phandles", text -> text.startsWith("bad "));
    }
}
