package dev.dtprobe.report.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.dtprobe.driver.BootSimulation;
import dev.dtprobe.driver.catalog.DriverCatalog;
import dev.dtprobe.kernel.KernelProfile;
import dev.dtprobe.lint.run.LintOptions;
import dev.dtprobe.lint.run.LintResult;
import dev.dtprobe.lint.run.LintRunner;
import dev.dtprobe.testutil.Corpus;
import dev.dtprobe.testutil.TestRules;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * Every lint format on one run, against golden files checked by hand. The run: board.dts with
 * the test rules (TestRules) and broken.dts, which has a syntax error on line 5 col 14 (the ';'
 * inside {@code <1 2;}). In board.dts, by construction:
 * bad-uart@1000 (line 8) is reported by bad-names; bad-spi@2000 (line 12) has the suppression
 * on its own line; bad-i2c@3000 (line 17) is covered by the comment alone on line 16 (named by
 * its dtc alias bad_names); the comment on line 18 col 25 names no-such-rule, so
 * invalid-suppression reports it; rtc@4000's reg (line 23 col 3) is rtc-reg's error; boot-info
 * reports the root (line 3) after booting the tree (one device: the root's platform device).
 * Summary: 1 error, 2 warnings, 1 info, 2 suppressed, 1 unreadable input.
 */
class LintReportsTest {
    static final Path DIR = Path.of("src/test/resources/dev/dtprobe/report/lint");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static LintResult result() {
        LintOptions o = new LintOptions().rules(TestRules.set()).discoverConfig(false).jobs(2)
                .booter(k -> tree -> new BootSimulation(KernelProfile.forVersion(KernelProfile.DEFAULT_VERSION),
                        DriverCatalog.bundled()).run(tree));
        return new LintRunner(o).run(List.of(DIR.resolve("board.dts"), DIR.resolve("broken.dts")));
    }

    private static String golden(String name) throws Exception {
        return Files.readString(DIR.resolve(name));
    }

    @Test
    void textIsGccStyleWithASummary() throws Exception {
        String text = TextReport.write(result(), false);
        assertEquals(golden("expected.txt"), text);
        assertFalse(text.contains("\u001b"), "no escape codes when colour is off");
    }

    @Test
    void colouredTextOnlyAddsEscapes() throws Exception {
        String coloured = TextReport.write(result(), true);
        assertTrue(coloured.contains("\u001b[1;35mwarning:\u001b[0m"), coloured);
        assertTrue(coloured.contains("\u001b[1;31merror:\u001b[0m"), coloured);
        assertEquals(golden("expected.txt"), coloured.replaceAll("\u001b\\[[0-9;]*m", ""));
    }

    @Test
    void colourFollowsTheTerminalAndNoColor() {
        Map<String, String> plain = Map.of("TERM", "xterm-256color");
        assertTrue(Colour.enabled(Colour.Mode.AUTO, plain, true));
        assertFalse(Colour.enabled(Colour.Mode.AUTO, plain, false), "not a terminal");
        assertFalse(Colour.enabled(Colour.Mode.AUTO, Map.of("NO_COLOR", "1"), true), "NO_COLOR set");
        assertTrue(Colour.enabled(Colour.Mode.AUTO, Map.of("NO_COLOR", ""), true), "no-color.org: empty means unset");
        assertFalse(Colour.enabled(Colour.Mode.AUTO, Map.of("TERM", "dumb"), true));
        assertTrue(Colour.enabled(Colour.Mode.ALWAYS, Map.of("NO_COLOR", "1"), false), "an explicit flag wins");
        assertFalse(Colour.enabled(Colour.Mode.NEVER, plain, true));
    }

    @Test
    void jsonMatchesGoldenAndItsSchema() throws Exception {
        String json = JsonReport.write(result(), "test");
        assertEquals(golden("expected.json"), json);
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("docs/lint-json.schema.json")));
        Set<ValidationMessage> errors = schema.validate(MAPPER.readTree(json));
        assertTrue(errors.isEmpty(), errors.toString());
    }

    /** Must-show 3: the SARIF output validates against the SARIF 2.1.0 schema. */
    @Test
    void sarifValidatesAgainstTheSarif210Schema() throws Exception {
        Path schemaFile = Corpus.shared().resolve("schemas/sarif-schema-2.1.0.json");
        assumeTrue(Files.isRegularFile(schemaFile), "needs ../shared/schemas");
        String sarif = SarifReport.write(result(), "test", Path.of(""));
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
                b -> b.schemaMappers(m -> m.mapPrefix("https://json.schemastore.org/sarif-2.1.0.json",
                        schemaFile.toUri().toString())))
                .getSchema(Files.readString(schemaFile));
        Set<ValidationMessage> errors = schema.validate(MAPPER.readTree(sarif));
        assertTrue(errors.isEmpty(), errors.toString());
        // the validator really checks: a result without its message is rejected
        JsonNode broken = MAPPER.readTree(sarif);
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("runs").get(0).get("results").get(0)).remove("message");
        assertFalse(schema.validate(broken).isEmpty());
    }

    @Test
    void sarifMatchesGolden() throws Exception {
        String sarif = SarifReport.write(result(), "test", Path.of(""));
        String base = Path.of("").toAbsolutePath().normalize().toUri().toString();
        assertEquals(golden("expected.sarif"), sarif.replace(base.endsWith("/") ? base : base + "/", "file:///SRCROOT/"));
        JsonNode run = MAPPER.readTree(sarif).get("runs").get(0);
        for (JsonNode r : run.get("results")) {
            String id = r.get("ruleId").asText();
            assertEquals(id, run.get("tool").get("driver").get("rules").get(r.get("ruleIndex").asInt()).get("id").asText());
        }
    }

    @Test
    void githubAnnotationsMatchGoldenAndEscape() throws Exception {
        assertEquals(golden("expected.github"), GithubReport.write(result(), Path.of("")));
        assertEquals("100%25 a%0Ab", GithubReport.escapeData("100% a\nb"));
        assertEquals("a%3Ab%2Cc", GithubReport.escapeProperty("a:b,c"));
    }

    @Test
    void junitMatchesGoldenAndIsWellFormed() throws Exception {
        String xml = JunitReport.write(result());
        assertEquals(golden("expected.junit.xml"), xml);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, doc.getElementsByTagName("testsuite").getLength());
        assertEquals(1, doc.getElementsByTagName("failure").getLength(), "only rtc-reg reaches fail-on error");
        assertEquals(1, doc.getElementsByTagName("error").getLength(), "broken.dts");
    }

    /** A .dtsi shared by several boards: SARIF and GitHub say which board each finding is from. */
    @Test
    void findingsInIncludedFilesNameTheirBoard(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("soc.dtsi"), "/ {\n\tbad-shared { };\n};\n");
        Files.writeString(tmp.resolve("board.dts"), "/dts-v1/;\n/include/ \"soc.dtsi\"\n/ { };\n");
        LintOptions o = new LintOptions().rules(TestRules.set()).discoverConfig(false).noProbe(true);
        LintResult r = new LintRunner(o).run(List.of(tmp.resolve("board.dts")));
        assertEquals("::warning file=soc.dtsi,line=2,col=2,title=bad-names::/bad-shared: node name starts with 'bad'"
                + " (board board.dts)\n", GithubReport.write(r, tmp));
        JsonNode result = MAPPER.readTree(SarifReport.write(r, "test", tmp)).get("runs").get(0).get("results").get(0);
        assertEquals("/bad-shared: node name starts with 'bad' (board board.dts)", result.get("message").get("text").asText());
        assertEquals("soc.dtsi", result.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText());
        assertEquals("bad-names:board.dts:/bad-shared", result.get("partialFingerprints").get("dtprobe/v1").asText());
    }
}
