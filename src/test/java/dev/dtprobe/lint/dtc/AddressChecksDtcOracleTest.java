package dev.dtprobe.lint.dtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dtprobe.frontend.LoadOptions;
import dev.dtprobe.frontend.TreeLoader;
import dev.dtprobe.lint.Finding;
import dev.dtprobe.lint.LintContext;
import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.Linter;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.lint.RuleLevels;
import dev.dtprobe.lint.RuleSet;
import dev.dtprobe.testutil.Corpus;
import dev.dtprobe.testutil.LintFixture;
import dev.dtprobe.tree.DeviceTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every snippet of {@link AddressCheckCases}, linted with all our dtc rules at their default
 * levels, gives the same findings (check, node, property, message) as dtc 1.6.1 with default
 * flags, for the checks we implement. Skipped when dtc 1.6.1 is not installed.
 */
class AddressChecksDtcOracleTest {
    private static final String IF_ENABLED = "unique-unit-address-if-enabled";

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everySnippetMatchesDtc() {
        assumeTrue(DtcFindingsOracle.available(), "dtc 1.6.1 not installed");
        Stream<DynamicTest> cases = AddressCheckCases.all().stream().map(c -> DynamicTest.dynamicTest(
                c.toString(), () -> compare(c.dts(), c.ruleId().equals(IF_ENABLED))));
        Stream<DynamicTest> mixed = AddressCheckCases.mixed().stream().map(dts -> DynamicTest.dynamicTest(
                "mixed: " + dts, () -> compare(dts, false)));
        return Stream.concat(cases, mixed);
    }

    /** QEMU's virt boards (DTBs with a real PCIe host bridge, GIC, SMMU) against dtc -I dtb. */
    @TestFactory
    Stream<DynamicTest> qemuVirtBoardsMatchDtc() throws Exception {
        assumeTrue(DtcFindingsOracle.available(), "dtc 1.6.1 not installed");
        assumeTrue(Files.isDirectory(Corpus.qemu()), "../shared/corpus/qemu not present");
        List<Path> dtbs;
        try (Stream<Path> s = Files.list(Corpus.qemu())) {
            dtbs = s.filter(p -> p.toString().endsWith(".dtb")).sorted().toList();
        }
        return dtbs.stream().map(dtb -> DynamicTest.dynamicTest(dtb.getFileName().toString(), () -> {
            RuleLevels levels = probeRulesOff(new RuleLevels(RuleSet.builtin()));
            DeviceTree tree = new TreeLoader(LoadOptions.defaults()).load(dtb).tree();
            List<Finding> ours = new Linter(levels).lint(new LintContext(tree, dtb.toString(), null));
            assertEquals(DtcFindingsOracle.findings(dtb, levels.rules()), DtcFindingsOracle.keys(ours, levels.rules()));
        }));
    }

    /** dtc's view: every dtc rule at its default level, the probe rules off. */
    private static RuleLevels probeRulesOff(RuleLevels levels) {
        for (LintRule r : levels.rules().rules()) {
            if (r.info().category() == RuleCategory.PROBE) {
                levels.set(r.id(), RuleLevel.OFF);
            }
        }
        return levels;
    }

    private void compare(String dts, boolean enableIfEnabled) throws Exception {
        Path file = Files.createTempFile(dir, "snippet", ".dts");
        Files.writeString(file, "/dts-v1/;\n" + dts + "\n");
        LintFixture fixture = LintFixture.of(dts);
        RuleLevels levels = probeRulesOff(fixture.levels());
        RuleSet rules = levels.rules();
        String[] flags = {};
        if (enableIfEnabled) {
            levels.setDtcStyle(IF_ENABLED, RuleLevel.WARNING);
            flags = new String[] {"-W" + IF_ENABLED.replace('-', '_')};
        }
        assertEquals(DtcFindingsOracle.findings(file, rules, flags), DtcFindingsOracle.keys(fixture.findings(), rules));
    }
}
