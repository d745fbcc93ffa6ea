package dev.dtprobe.lint.run;

import static dev.dtprobe.lint.run.RunFixture.describe;
import static dev.dtprobe.lint.run.RunFixture.options;
import static dev.dtprobe.lint.run.RunFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtprobe.diag.InputException;
import dev.dtprobe.lint.RuleLevel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
    @TempDir
    Path dir;

    /** repo/.dtprobe.yaml applies to repo/a/b/x.dts; repo/strict/.dtprobe.yaml is nearer for repo/strict/y.dts. */
    private void repo() {
        write(dir.resolve("repo/.dtprobe.yaml"),
                "# shared settings",
                "rules:",
                "  bad_names: off      # dtc-style names work",
                "  rtc-reg: warning",
                "include:",
                "  - include",
                "kernel: \"6.10\"",
                "fail-on: warning");
        write(dir.resolve("repo/include/parts.h"), "#define NAME bad-from-include");
        write(dir.resolve("repo/strict/.dtprobe.yaml"), "fail-on: info");
    }

    private static final String[] BOARD = {"/dts-v1/;", "#include <parts.h>", "/ { NAME { }; rtc { reg = <1>; }; };"};

    @Test
    void theNearestConfigAboveAnInputApplies() {
        repo();
        Path x = write(dir.resolve("repo/a/b/x.dts"), BOARD);
        Path y = write(dir.resolve("repo/strict/y.dts"), "/dts-v1/;", "/ { bad-y { }; };");
        Path z = write(dir.resolve("elsewhere/z.dts"), "/dts-v1/;", "/ { bad-z { }; rtc { reg = <1>; }; };");
        List<String> kernels = new ArrayList<>();
        LintOptions o = options().discoverConfig(true).booter(k -> {
            kernels.add(k);
            return null;
        }).noProbe(false).rules(new dev.dtprobe.lint.RuleSet(List.of(new dev.dtprobe.testutil.TestRules.BadNames(),
                new dev.dtprobe.testutil.TestRules.RtcReg())));
        LintResult r = new LintRunner(o).run(List.of(x, y, z));
        FileResult fx = r.files().get(0);
        assertEquals(List.of("rtc-reg /rtc:reg 3"), describe(fx), "bad-names off, the macro from include/ expanded");
        assertEquals("warning", fx.findings().get(0).finding().severity().label());
        assertEquals(FailOn.WARNING, fx.failOn());
        assertTrue(fx.fails());
        FileResult fy = r.files().get(1);
        assertEquals(List.of("bad-names /bad-y 2"), describe(fy), "the nearer config does not inherit rules:");
        assertEquals(FailOn.INFO, fy.failOn());
        FileResult fz = r.files().get(2);
        assertEquals(FailOn.ERROR, fz.failOn());
        assertEquals(List.of("bad-names /bad-z 2", "rtc-reg /rtc:reg 2"), describe(fz));
        assertEquals("error", fz.findings().get(1).finding().severity().label());
        assertTrue(kernels.contains("6.10"), "quoted versions stay as written: " + kernels);
        assertTrue(kernels.contains(null), "no config, no kernel: the default");
    }

    @Test
    void commandLineFlagsBeatTheConfig() {
        repo();
        Path x = write(dir.resolve("repo/a/x.dts"), BOARD);
        LintOptions o = options().discoverConfig(true).noProbe(true).failOn(FailOn.ERROR)
                .ruleFlags(List.of(new RuleFlag("bad-names", RuleLevel.ERROR, false)));
        FileResult fx = new LintRunner(o).run(List.of(x)).files().get(0);
        assertEquals(List.of("bad-names /bad-from-include 3", "rtc-reg /rtc:reg 3"), describe(fx));
        assertEquals(FailOn.ERROR, fx.failOn());
    }

    @Test
    void brokenConfigsStopTheRunWithTheirPosition() {
        write(dir.resolve("r1/.dtprobe.yaml"), "rules:", "  bad-names: loud");
        Path b1 = write(dir.resolve("r1/b.dts"), "/dts-v1/;", "/ { };");
        InputException e = assertThrows(InputException.class,
                () -> new LintRunner(options().discoverConfig(true)).run(List.of(b1)));
        assertEquals(dir.resolve("r1/.dtprobe.yaml").toAbsolutePath().toString(), e.pos().file());
        assertTrue(e.getMessage().contains("'loud'"), e.getMessage());

        write(dir.resolve("r2/.dtprobe.yaml"), "rules:", "  bad-names: off", "fail_on: warning");
        Path b2 = write(dir.resolve("r2/b.dts"), "/dts-v1/;", "/ { };");
        e = assertThrows(InputException.class, () -> new LintRunner(options().discoverConfig(true)).run(List.of(b2)));
        assertEquals("unknown key 'fail_on': expected rules, include, kernel or fail-on", e.getMessage(),
                "unknown keys are errors, so typos do not pass silently");

        write(dir.resolve("r4/.dtprobe.yaml"), "rules: [", "bad");
        Path b4 = write(dir.resolve("r4/b.dts"), "/dts-v1/;", "/ { };");
        e = assertThrows(InputException.class, () -> new LintRunner(options().discoverConfig(true)).run(List.of(b4)));
        assertTrue(e.pos().line() > 0, "YAML syntax errors carry a line: " + e.render());

        write(dir.resolve("r3/.dtprobe.yaml"), "rules:", "  no-such-rule: off");
        Path b3 = write(dir.resolve("r3/b.dts"), "/dts-v1/;", "/ { };");
        e = assertThrows(InputException.class, () -> new LintRunner(options().discoverConfig(true)).run(List.of(b3)));
        assertTrue(e.getMessage().startsWith("unknown rule 'no-such-rule'"), e.getMessage());
    }

    @Test
    void anExplicitConfigFileReplacesDiscovery() {
        repo();
        Path cfg = write(dir.resolve("other.yaml"), "fail-on: none");
        Path x = write(dir.resolve("repo/a/x.dts"), "/dts-v1/;", "/ { bad-x { }; };");
        FileResult fx = new LintRunner(options().configFile(cfg).noProbe(true)).run(List.of(x)).files().get(0);
        assertEquals(List.of("bad-names /bad-x 2"), describe(fx), "repo's bad_names: off does not apply");
        assertEquals(FailOn.NONE, fx.failOn());
    }
}
