package dev.dtprobe.report.lint;

import dev.dtprobe.diag.Diagnostic;
import dev.dtprobe.lint.Finding;
import dev.dtprobe.lint.run.FileResult;
import dev.dtprobe.lint.run.LintResult;
import dev.dtprobe.lint.run.LintedFinding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JUnit XML: one {@code testsuite} per input, one {@code testcase} per rule that ran on it
 * (classname = the input, name = the rule id). Per rule rather than per finding because CI
 * test views (GitLab, Jenkins) track a test case's history by its name across builds: a rule
 * that starts failing on a board shows as a newly failing test, and the pass count means
 * something (per finding there would be no passing cases, and cases would appear and vanish
 * as findings move). A case fails ({@code <failure>} listing every finding) only with findings
 * at or above the input's --fail-on, so the test view agrees with the exit status; findings
 * below it go to the case's {@code <system-out>}. An input that could not be read is one
 * {@code load} case with an {@code <error>}. Suppressed and baselined findings are left out.
 */
public final class JunitReport {
    private JunitReport() {
    }

    public static String write(LintResult result) {
        StringBuilder suites = new StringBuilder();
        int tests = 0;
        int failures = 0;
        int errors = 0;
        for (FileResult fr : result.files()) {
            Suite s = suite(fr);
            tests += s.tests;
            failures += s.failures;
            errors += s.errors;
            suites.append(s.xml);
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuites name=\"dtprobe lint\" tests=\"" + tests + "\" failures=\"" + failures + "\" errors=\""
                + errors + "\">\n" + suites + "</testsuites>\n";
    }

    private record Suite(int tests, int failures, int errors, String xml) {
    }

    private static Suite suite(FileResult fr) {
        String file = fr.file();
        StringBuilder cases = new StringBuilder();
        int tests = 0;
        int failures = 0;
        int errors = 0;
        if (fr.unreadable()) {
            tests = 1;
            errors = 1;
            cases.append("    <testcase classname=\"").append(attr(file)).append("\" name=\"load\">\n")
                    .append("      <error message=\"").append(attr(fr.inputErrors().get(0).message()))
                    .append("\" type=\"input\">");
            for (Diagnostic d : fr.inputErrors()) {
                cases.append(text(d.render())).append('\n');
            }
            cases.append("</error>\n    </testcase>\n");
        } else {
            Map<String, List<Finding>> byRule = new LinkedHashMap<>();
            fr.rulesRun().forEach(id -> byRule.put(id, new ArrayList<>()));
            for (LintedFinding lf : fr.findings()) {
                if (!lf.isSuppressed()) {
                    byRule.computeIfAbsent(lf.finding().ruleId(), k -> new ArrayList<>()).add(lf.finding());
                }
            }
            for (Map.Entry<String, List<Finding>> e : byRule.entrySet()) {
                tests++;
                List<Finding> failing = new ArrayList<>();
                List<Finding> below = new ArrayList<>();
                for (Finding f : e.getValue()) {
                    (fr.failOn().fails(f.severity()) ? failing : below).add(f);
                }
                cases.append("    <testcase classname=\"").append(attr(file)).append("\" name=\"")
                        .append(attr(e.getKey())).append('"');
                if (failing.isEmpty() && below.isEmpty()) {
                    cases.append("/>\n");
                    continue;
                }
                cases.append(">\n");
                if (!failing.isEmpty()) {
                    failures++;
                    cases.append("      <failure message=\"").append(failing.size())
                            .append(failing.size() == 1 ? " finding" : " findings").append("\" type=\"")
                            .append(attr(failing.get(0).severity().label())).append("\">")
                            .append(lines(failing)).append("</failure>\n");
                }
                if (!below.isEmpty()) {
                    cases.append("      <system-out>").append(lines(below)).append("</system-out>\n");
                }
                cases.append("    </testcase>\n");
            }
        }
        String xml = "  <testsuite name=\"" + attr(file) + "\" tests=\"" + tests + "\" failures=\"" + failures
                + "\" errors=\"" + errors + "\" skipped=\"0\">\n" + cases + "  </testsuite>\n";
        return new Suite(tests, failures, errors, xml);
    }

    private static String lines(List<Finding> findings) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings) {
            sb.append(text(f.render())).append('\n');
        }
        return sb.toString();
    }

    private static String text(String s) {
        return clean(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String attr(String s) {
        return text(s).replace("\"", "&quot;").replace("\n", "&#10;");
    }

    /** Characters XML 1.0 cannot carry at all (DTS strings may hold control bytes). */
    private static String clean(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c < 0x20 && c != '\n' && c != '\t' && c != '\r' ? '?' : c);
        }
        return sb.toString();
    }
}
