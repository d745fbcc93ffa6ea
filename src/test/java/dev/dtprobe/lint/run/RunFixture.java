package dev.dtprobe.lint.run;

import dev.dtprobe.driver.BootSimulation;
import dev.dtprobe.driver.catalog.DriverCatalog;
import dev.dtprobe.kernel.KernelProfile;
import dev.dtprobe.testutil.TestRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Lint runs over files written into a temporary directory, with the test rules. */
final class RunFixture {
    private RunFixture() {
    }

    /** Test rules, no config discovery unless asked, booting with the bundled catalog. */
    static LintOptions options() {
        return new LintOptions().rules(TestRules.set()).discoverConfig(false).jobs(2)
                .booter(k -> tree -> new BootSimulation(KernelProfile.forVersion(KernelProfile.DEFAULT_VERSION),
                        DriverCatalog.bundled()).run(tree));
    }

    static Path write(Path file, String... lines) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** "rule /path[:prop] line" per finding that counts, then "[kind] rule /path" per hidden one. */
    static List<String> describe(FileResult r) {
        return r.findings().stream().map(lf -> {
            var f = lf.finding();
            String where = f.location() == null ? "@" + f.pos().line() : f.location() + " " + f.pos().line();
            return (lf.isSuppressed() ? "[" + lf.suppression().kind() + "] " : "") + f.ruleId() + " " + where;
        }).toList();
    }
}
