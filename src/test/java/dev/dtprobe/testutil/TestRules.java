package dev.dtprobe.testutil;

import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.lint.RuleSet;
import dev.dtprobe.tree.Node;
import java.util.List;

/**
 * Small rules for testing the lint run and its reports independently of the real rule set:
 * one per level, one with a dtc alias, one that needs the boot.
 */
public final class TestRules {
    private TestRules() {
    }

    /** bad-names (warning), rtc-reg (error, on a property), boot-info (info, probe). */
    public static RuleSet set() {
        return new RuleSet(List.of(new BadNames(), new RtcReg(), new BootInfo()));
    }

    /** Nodes whose name starts with "bad"; dtc-style alias bad_names. */
    public static final class BadNames extends LintRule {
        static final RuleInfo INFO = RuleInfo.builder("bad-names", RuleLevel.WARNING, RuleCategory.DTC)
                .summary("Node names must not start with 'bad'")
                .description("Test rule: a node whose name starts with 'bad'.")
                .example("/ { bad-uart@1000 { reg = <0x1000 0x100>; }; };")
                .aliases("bad_names").build();

        @Override
        public RuleInfo info() {
            return INFO;
        }

        @Override
        public void visitNode(Node node, LintContext ctx) {
            if (node.name().startsWith("bad")) {
                ctx.report(node, "node name starts with 'bad'");
            }
        }
    }

    /** The reg property of nodes named rtc. */
    public static final class RtcReg extends LintRule {
        static final RuleInfo INFO = RuleInfo.builder("rtc-reg", RuleLevel.ERROR, RuleCategory.DTC)
                .summary("An rtc node must not have reg").aliases("rtc_reg").build();

        @Override
        public RuleInfo info() {
            return INFO;
        }

        @Override
        public void visitNode(Node node, LintContext ctx) {
            if (node.name().startsWith("rtc") && node.property("reg") != null) {
                ctx.report(node, "reg", "rtc has reg");
            }
        }
    }

    /** Boots the tree and reports the root once, so tests can see whether a boot happened. */
    public static final class BootInfo extends LintRule {
        static final RuleInfo INFO = RuleInfo.builder("boot-info", RuleLevel.INFO, RuleCategory.PROBE)
                .summary("Says how many devices the boot created").build();

        @Override
        public RuleInfo info() {
            return INFO;
        }

        @Override
        public void finish(LintContext ctx) {
            ctx.report(ctx.tree().root(), "booted " + ctx.boot().devices().size() + " devices");
        }
    }
}
