package dev.dtprobe.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dtprobe.frontend.LoadOptions;
import dev.dtprobe.frontend.TreeLoader;
import dev.dtprobe.tree.DeviceTree;
import dev.dtprobe.tree.Node;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LinterTest {

    /** Reports every node whose name starts with {@code prefix}. */
    private static final class NamePrefix extends LintRule {
        private final RuleInfo info;
        private final String prefix;

        NamePrefix(String id, RuleLevel level, String prefix, String... prerequisites) {
            this.info = RuleInfo.builder(id, level, RuleCategory.DTC).summary("names starting " + prefix)
                    .aliases(id.replace('-', '_')).prerequisites(prerequisites).build();
            this.prefix = prefix;
        }

        @Override
        public RuleInfo info() {
            return info;
        }

        @Override
        public void visitNode(Node node, LintContext ctx) {
            if (node.name().startsWith(prefix)) {
                ctx.report(node, "starts with " + prefix);
            }
        }
    }

    private static final String DTS = "/dts-v1/;\n/ { aa { ab {}; }; b {}; };\n";

    private static List<String> lint(RuleLevels levels) {
        DeviceTree tree = new TreeLoader(new LoadOptions(List.of(), List.of(), List.of(), false, null))
                .loadDts("t.dts", DTS).tree();
        return new Linter(levels).lint(new LintContext(tree, "t.dts", null)).stream()
                .map(f -> f.severity().label() + " " + f.ruleId() + " " + f.location() + " " + f.message())
                .collect(Collectors.toList());
    }

    @Test
    void findingsComeRuleByRuleInTreeOrderAtTheConfiguredLevel() {
        RuleSet set = new RuleSet(List.of(new NamePrefix("b-names", RuleLevel.WARNING, "b"),
                new NamePrefix("a-names", RuleLevel.ERROR, "a")));
        assertEquals(List.of("warning b-names /b starts with b", "error a-names /aa starts with a",
                "error a-names /aa/ab starts with a"), lint(new RuleLevels(set)));
    }

    @Test
    void aFailedPrerequisiteSuppressesTheDependentEvenWhenThePrerequisiteIsOff() {
        RuleSet set = new RuleSet(List.of(new NamePrefix("a-names", RuleLevel.OFF, "a"),
                new NamePrefix("dependent", RuleLevel.WARNING, "b", "a-names")));
        assertEquals(List.of("warning dependent / Failed prerequisite 'a-names'"), lint(new RuleLevels(set)));
    }

    @Test
    void eachFailedPrerequisiteGetsItsOwnLineAsInDtc() {
        RuleSet set = new RuleSet(List.of(new NamePrefix("a-names", RuleLevel.OFF, "a"),
                new NamePrefix("b-names", RuleLevel.OFF, "b"),
                new NamePrefix("dependent", RuleLevel.WARNING, "z", "a-names", "b-names")));
        assertEquals(List.of("warning dependent / Failed prerequisite 'a-names'",
                "warning dependent / Failed prerequisite 'b-names'"), lint(new RuleLevels(set)));
    }

    @Test
    void aPassingPrerequisiteLetsTheDependentReport() {
        RuleSet set = new RuleSet(List.of(new NamePrefix("z-names", RuleLevel.OFF, "z"),
                new NamePrefix("dependent", RuleLevel.WARNING, "b", "z-names")));
        assertEquals(List.of("warning dependent /b starts with b"), lint(new RuleLevels(set)));
    }

    @Test
    void dtcFlagsEnablePrerequisitesAndDisableDependents() {
        RuleSet set = new RuleSet(List.of(new NamePrefix("z-names", RuleLevel.OFF, "z"),
                new NamePrefix("dependent", RuleLevel.OFF, "b", "z-names")));
        RuleLevels levels = new RuleLevels(set).setDtcStyle("dependent", RuleLevel.ERROR);
        assertEquals(RuleLevel.ERROR, levels.levelOf(set.find("z_names")));
        levels.setDtcStyle("z_names", RuleLevel.OFF);
        assertEquals(RuleLevel.OFF, levels.levelOf(set.find("dependent")));
        assertThrows(IllegalArgumentException.class, () -> levels.set("no-such-rule", RuleLevel.OFF));
    }

    @Test
    void ruleIdsMustBeKebabCase() {
        assertThrows(IllegalArgumentException.class,
                () -> RuleInfo.builder("Bad_Id", RuleLevel.WARNING, RuleCategory.DTC).summary("x").build());
    }
}
