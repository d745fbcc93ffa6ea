package dev.dtprobe.lint.dtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.testutil.LintFixture;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every snippet of {@link DtcRuleCases} compiled by the real dtc 1.6.1 (when installed): the
 * rule's findings must be exactly dtc's messages of that check, text included.
 *
 * <p>dtc stops running checks once a check that is an error has failed (process_checks
 * evaluates {@code error || run_check(c)}), so a snippet where an earlier error check fired says
 * nothing about later checks and is skipped; lint runs every rule regardless.
 */
class DtcOracleTest {
    private static final Pattern PREREQ = Pattern.compile("^/: (Failed prerequisite ')([a-z0-9-]+)'$");

    @TestFactory
    Stream<DynamicTest> snippetsMatchRealDtc() {
        assumeTrue(DtcOracle.installed(), "dtc 1.6.1 not installed");
        return DtcRuleCases.all().stream().map(c -> DynamicTest.dynamicTest(c.toString(),
                () -> assertSameAsDtc(c.rule(), c.dts())));
    }

    /** The example each rule documents behaves the same in dtc. */
    @TestFactory
    Stream<DynamicTest> examplesMatchRealDtc() {
        assumeTrue(DtcOracle.installed(), "dtc 1.6.1 not installed");
        return DtcRules.all().stream().map(r -> DynamicTest.dynamicTest(r.id(),
                () -> assertSameAsDtc(r.id(), r.info().example())));
    }

    private static void assertSameAsDtc(String ruleId, String dts) {
        List<LintRule> rules = DtcRules.all();
        List<String> order = rules.stream().map(LintRule::id).toList();
        LintRule rule = rules.get(order.indexOf(ruleId));
        String check = rule.info().aliases().get(0);
        String[] flags = rule.info().defaultLevel() == RuleLevel.OFF ? new String[] {"-W" + check} : new String[0];
        List<DtcOracle.Message> messages = DtcOracle.compile("/dts-v1/;\n" + dts + "\n", flags);
        boolean stoppedBefore = messages.stream().anyMatch(m -> m.error()
                && order.indexOf(DtcCheck.idOf(m.check())) < order.indexOf(ruleId));
        assumeTrue(!stoppedBefore, "dtc stopped at an earlier error check: " + messages);
        List<String> dtc = messages.stream().filter(m -> m.check().equals(check))
                .map(m -> m.location() == null ? m.text() : m.location() + ": " + m.text()).toList();
        List<String> ours = LintFixture.only(ruleId, dts).lines().stream()
                .map(l -> l.substring(ruleId.length() + 1)).map(DtcOracleTest::asDtcPrints).toList();
        assertEquals(dtc, ours);
    }

    /** Our prerequisite message names the rule id; dtc's names the check. */
    private static String asDtcPrints(String line) {
        Matcher m = PREREQ.matcher(line);
        return m.matches() ? m.group(1) + m.group(2).replace('-', '_') + "'" : line;
    }
}
