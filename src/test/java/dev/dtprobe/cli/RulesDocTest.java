package dev.dtprobe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dtprobe.report.lint.RulesReference;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/rules.md is generated from the rules' metadata and must not fall behind it. */
class RulesDocTest {

    @Test
    void docsRulesMdIsWhatTheCommandGenerates() throws Exception {
        LintCommandTest.Run r = LintCommandTest.dtprobe("lint", "--list-rules", "--format", "markdown");
        assertEquals(0, r.exit(), r.err());
        String committed = Files.readString(Path.of("docs/rules.md"));
        assertEquals(r.out(), committed, "docs/rules.md is stale: regenerate it with `" + RulesReference.REGENERATE + "`");
    }
}
