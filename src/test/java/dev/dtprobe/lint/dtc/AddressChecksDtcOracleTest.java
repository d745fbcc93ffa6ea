package dev.dtprobe.lint.dtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.lint.RuleLevels;
import dev.dtprobe.lint.RuleSet;
import dev.dtprobe.testutil.LintFixture;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assumeTrue(DtcOracle.available(), "dtc 1.6.1 not installed");
        Stream<DynamicTest> cases = AddressCheckCases.all().stream().map(c -> DynamicTest.dynamicTest(
                c.toString(), () -> compare(c.dts(), c.ruleId().equals(IF_ENABLED))));
        Stream<DynamicTest> mixed = AddressCheckCases.mixed().stream().map(dts -> DynamicTest.dynamicTest(
                "mixed: " + dts, () -> compare(dts, false)));
        return Stream.concat(cases, mixed);
    }

    private void compare(String dts, boolean enableIfEnabled) throws Exception {
        Path file = Files.createTempFile(dir, "snippet", ".dts");
        Files.writeString(file, "/dts-v1/;\n" + dts + "\n");
        LintFixture fixture = LintFixture.of(dts);
        RuleLevels levels = fixture.levels();
        RuleSet rules = levels.rules();
        for (LintRule r : rules.rules()) {
            if (r.info().category() == RuleCategory.PROBE) {
                levels.set(r.id(), RuleLevel.OFF);
            }
        }
        String[] flags = {};
        if (enableIfEnabled) {
            levels.setDtcStyle(IF_ENABLED, RuleLevel.WARNING);
            flags = new String[] {"-W" + IF_ENABLED.replace('-', '_')};
        }
        assertEquals(DtcOracle.findings(file, rules, flags), DtcOracle.keys(fixture.findings(), rules));
    }
}
