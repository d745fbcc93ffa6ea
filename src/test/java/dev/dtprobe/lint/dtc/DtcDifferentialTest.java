package dev.dtprobe.lint.dtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dtprobe.lint.LintRule;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.lint.RuleLevels;
import dev.dtprobe.lint.RuleSet;
import dev.dtprobe.testutil.LintFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Random small trees built from the constructs this group's checks look at (names, labels,
 * phandles, phandle lists, interrupts, /chosen, /aliases), linted with every rule on and
 * compiled by the real dtc 1.6.1 with the off-by-default checks enabled: the findings of every
 * registered check must agree, location and text. Fixed seed, so a failure reproduces.
 *
 * <p>Left out on purpose: /omit-if-no-ref/ and correct 'name' properties. dtc runs its first
 * checks before the fix-ups that delete those, but lint sees the fixed-up tree (the one dtc
 * writes), so those checks do not see them (see OmitUnusedNodes).
 */
class DtcDifferentialTest {
    private static final int TREES = Integer.getInteger("dtprobe.differentialTrees", 300);
    private static final Pattern PREREQ = Pattern.compile("Failed prerequisite '([a-z0-9-]+)'");

    @Test
    void randomTreesMatchRealDtc() {
        assumeTrue(DtcOracle.installed(), "dtc 1.6.1 not installed");
        RuleSet rules = new RuleSet(DtcRules.all());
        List<String> order = rules.rules().stream().map(LintRule::id).toList();
        List<String> offChecks = rules.rules().stream().filter(r -> r.info().defaultLevel() == RuleLevel.OFF)
                .map(r -> r.info().aliases().get(0)).filter(c -> !c.equals("always_fail")).toList();
        String[] flags = offChecks.stream().map(c -> "-W" + c).toArray(String[]::new);
        SplittableRandom random = new SplittableRandom(20261122);
        List<String> failures = new ArrayList<>();
        int compared = 0;
        Map<String, Integer> fired = new TreeMap<>();
        for (int i = 0; i < TREES; i++) {
            String dts = new Generator(random.split()).tree();
            List<DtcOracle.Message> dtc = DtcOracle.compile("/dts-v1/;\n" + dts + "\n", flags);
            int lastRun = lastCheckDtcRan(dtc, order);
            LintFixture fixture = LintFixture.of(dts);
            RuleLevels levels = fixture.levels();
            // only dtc's checks are compared; the other rules (probe-aware ones boot the tree) stay off
            levels.rules().rules().stream().filter(r -> !order.contains(r.id()))
                    .forEach(r -> levels.set(r.id(), RuleLevel.OFF));
            offChecks.forEach(c -> levels.setDtcStyle(c, RuleLevel.WARNING));
            Map<String, List<String>> ours = new TreeMap<>();
            for (var f : fixture.findings()) {
                if (order.indexOf(f.ruleId()) > lastRun) {
                    continue;
                }
                Matcher m = PREREQ.matcher(f.message());
                String text = m.matches() ? "Failed prerequisite '" + m.group(1).replace('-', '_') + "'"
                        : f.location() + ": " + f.message();
                ours.computeIfAbsent(f.ruleId().replace('-', '_'), k -> new ArrayList<>()).add(text);
            }
            Map<String, List<String>> theirs = new TreeMap<>();
            for (DtcOracle.Message m : dtc) {
                if (order.contains(DtcCheck.idOf(m.check()))) {
                    theirs.computeIfAbsent(m.check(), k -> new ArrayList<>())
                            .add(m.location() == null ? m.text() : m.location() + ": " + m.text());
                }
            }
            theirs.forEach((check, l) -> fired.merge(check, l.size(), Integer::sum));
            ours.values().forEach(l -> l.sort(null));
            theirs.values().forEach(l -> l.sort(null));
            compared++;
            if (!ours.equals(theirs)) {
                failures.add(dts + "\n  ours " + ours + "\n  dtc  " + theirs);
            }
        }
        System.out.println("differential: " + compared + " random trees compared with dtc, " + failures.size()
                + " differ; dtc's messages per check: " + fired);
        assertEquals(List.of(), failures.stream().limit(5).toList());
    }

    /**
     * dtc stops running checks after the first failed error check; the index (in our table
     * order) of the last check it ran.
     */
    private static int lastCheckDtcRan(List<DtcOracle.Message> dtc, List<String> order) {
        int last = order.size();
        for (DtcOracle.Message m : dtc) {
            if (m.error()) {
                last = Math.min(last, order.indexOf(DtcCheck.idOf(m.check())));
            }
        }
        return last;
    }

    /**
     * Builds one random tree as DTS text (after the /dts-v1/ line). Errors (bad or duplicate
     * names, duplicate labels, unresolved references) are rare, because dtc runs no further
     * checks after one; references mostly point at three labelled nodes at the end of the root.
     */
    private static final class Generator {
        private static final String[] GOOD_NAMES = {"a", "b@1", "chosen", "aliases", "ic", "foo", "gpio", "clk",
            "pinctrl", "name", "x_y", "c.d", "e+f", "intc@0"};
        private static final String[] BAD_NAMES = {"b#c", "p@1@2"};
        private final SplittableRandom r;
        private final java.util.Set<String> labels = new java.util.HashSet<>();

        Generator(SplittableRandom r) {
            this.r = r;
        }

        String tree() {
            StringBuilder sb = new StringBuilder("/ {\n");
            body(sb, 0);
            for (String provider : new String[] {"l1", "l2", "l3"}) {
                sb.append(provider).append(": ").append(provider).append("-node {\n");
                properties(sb, 1 + r.nextInt(4));
                sb.append("};\n");
            }
            sb.append("};\n");
            return sb.toString();
        }

        private void body(StringBuilder sb, int depth) {
            properties(sb, r.nextInt(5));
            int children = depth < 3 ? r.nextInt(4) : 0;
            java.util.Set<String> used = new java.util.HashSet<>();
            for (int i = 0; i < children; i++) {
                String name = rarely() ? pick(BAD_NAMES) : pick(GOOD_NAMES);
                if (!used.add(name) && !rarely()) {
                    continue;
                }
                if (r.nextInt(3) == 0) {
                    String label = "m" + r.nextInt(6);
                    if (labels.add(label) || rarely()) {
                        sb.append(label).append(": ");
                    }
                }
                sb.append(name).append(" {\n");
                body(sb, depth + 1);
                sb.append("};\n");
            }
        }

        /** Up to {@code n} properties, a name repeated (an error) only rarely. */
        private void properties(StringBuilder sb, int n) {
            java.util.Set<String> used = new java.util.HashSet<>();
            for (int i = 0; i < n; i++) {
                String p = property();
                String name = p.split("[ ;]")[0];
                if (used.add(name) || rarely()) {
                    sb.append(p).append('\n');
                }
            }
        }

        private boolean rarely() {
            return r.nextInt(40) == 0;
        }

        private String property() {
            String ref = "&" + (rarely() ? "m" + r.nextInt(6) : pick(new String[] {"l1", "l2", "l3"}));
            return switch (r.nextInt(26)) {
                case 0 -> "clocks = <" + ref + " " + r.nextInt(3) + (r.nextBoolean() ? " " + ref : "") + ">;";
                case 1 -> "#clock-cells = <" + r.nextInt(3) + ">;";
                case 2 -> "#clock-cells = <1 2>;";
                case 3 -> "interrupts = <" + r.nextInt(3) + (r.nextBoolean() ? " 1" : "") + ">;";
                case 4 -> "interrupt-parent = <" + (rarely() ? "0" : ref) + ">;";
                case 5 -> "interrupt-controller;";
                case 6 -> "#interrupt-cells = <" + r.nextInt(4) + ">;";
                case 7 -> "#address-cells = <" + r.nextInt(3) + ">;";
                case 8 -> "#gpio-cells = <" + r.nextInt(3) + ">;";
                case 9 -> pick(new String[] {"gpios", "reset-gpios", "enable-gpio", "a,nr-gpios"}) + " = <" + ref
                        + " 1" + (r.nextBoolean() ? " 2" : "") + ">;";
                case 10 -> "status = " + pick(new String[] {"\"okay\"", "<1>", "\"a\", \"b\""}) + ";";
                case 11 -> "compatible = " + pick(new String[] {"\"a\", \"b\"", "\"a\", <1>", "[61]"}) + ";";
                case 12 -> "clock-names = " + pick(new String[] {"\"a\"", "[61 00 62]"}) + ";";
                // never a correct name: dtc's duplicate check runs before the fix-up drops those
                case 13 -> rarely() ? "name = <1>;" : "name = \"x\";";
                case 14 -> "stdout-path = " + pick(new String[] {"\"/a\"", "<1>", ref}) + ";";
                case 15 -> "linux,stdout-path = " + pick(new String[] {"\"/a\"", "<1>"}) + ";";
                case 16 -> pick(new String[] {"serial0", "Ser", "eth"}) + " = " + pick(new String[] {"\"/a\"",
                    "\"/b@1\"", "\"/nope\"", "\"a\"", "\"/l1-node\"", ref}) + ";";
                case 17 -> rarely() ? "phandle = <" + pick(new String[] {"1", "0", ref}) + ">;" : "bootargs = <1>;";
                case 18 -> pick(new String[] {"foo", "a", "x_y", "#a#b", "v,#x"}) + " = <1>;";
                case 19 -> "msi-parent = <" + ref + ">;";
                case 20 -> "iommus = <" + ref + " 0>;";
                case 21 -> "#iommu-cells = <" + r.nextInt(2) + ">;";
                case 22 -> "interrupt-map;";
                case 23 -> "interrupts-extended = <" + ref + " 1>;";
                case 24 -> "gpio-hog;";
                default -> "label = " + pick(new String[] {"\"a\"", "<1>"}) + ";";
            };
        }

        private String pick(String[] options) {
            return options[r.nextInt(options.length)];
        }
    }
}
