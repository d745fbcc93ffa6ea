package dev.dtprobe.driver.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtprobe.diag.InputException;
import dev.dtprobe.driver.BusType;
import dev.dtprobe.driver.InitcallLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserCatalogTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void jsonOverridesBundledDriver() throws IOException {
        Path f = write("cat.json", """
                {"drivers": [
                  {"name": "arm-smmu", "compatibles": ["arm,mmu-500"], "level": "late", "linkOrder": 5,
                   "config": "CONFIG_ARM_SMMU", "iommu": "ARM_SMMU", "build": "m", "moduleLoadSeconds": 12.5},
                  {"name": "acme-widget", "compatibles": ["acme,widget"], "acquires": ["clocks", "*-supply"]}
                ]}
                """);
        DriverCatalog merged = DriverCatalog.bundled().merge(DriverCatalog.load(f));
        CatalogEntry smmu = merged.byName("arm-smmu").orElseThrow();
        assertEquals(InitcallLevel.LATE, smmu.spec().level());
        assertEquals(Build.MODULE, smmu.build());
        assertEquals(12.5, smmu.moduleLoadSeconds());
        assertTrue(merged.matching("arm,smmu-v2").stream().noneMatch(e -> e.name().equals("arm-smmu")),
                "replaced, not merged field by field");
        CatalogEntry w = merged.matching("acme,widget").get(0);
        assertEquals("acme-widget", w.name());
        assertEquals(BusType.PLATFORM, w.spec().bus());
        assertEquals(InitcallLevel.DEVICE, w.spec().level());
        assertEquals(CatalogReader.DEFAULT_LINK_ORDER, w.spec().linkOrder());
        assertEquals(merged.entries().size(), DriverCatalog.bundled().entries().size() + 1);
    }

    @Test
    void yamlCatalog() throws IOException {
        Path f = write("cat.yaml", """
                # my board's drivers
                drivers:
                  - name: acme-dma
                    compatibles: [acme,dma-1]
                    bus: amba
                    level: SUBSYS
                    linkOrder: 42
                    acquires: [clocks, resets]
                    build: n
                """);
        CatalogEntry e = DriverCatalog.load(f).byName("acme-dma").orElseThrow();
        assertEquals(BusType.AMBA, e.spec().bus());
        assertEquals(Build.ABSENT, e.build());
        assertNull(e.moduleLoadSeconds());
        assertEquals(42, e.spec().linkOrder());
    }

    @Test
    void malformedJsonHasLineAndColumn() throws IOException {
        Path f = write("bad.json", "{\"drivers\": [\n  {\"name\": \"x\",\n   \"compatibles\": [\"a,b\"]\n  ,,}\n]}\n");
        InputException e = assertThrows(InputException.class, () -> DriverCatalog.load(f));
        assertEquals(4, e.pos().line());
        assertTrue(e.pos().column() > 0);
        assertTrue(e.render().startsWith(f + ":4:"), e.render());
        assertTrue(e.getMessage().startsWith("syntax error"), e.getMessage());
    }

    @Test
    void unknownKeyIsRejectedWithPosition() throws IOException {
        Path f = write("bad.json", "{\"drivers\": [\n  {\"name\": \"x\",\n   \"compatibles\": [],\n   \"aquires\": []}\n]}\n");
        InputException e = assertThrows(InputException.class, () -> DriverCatalog.load(f));
        assertEquals(4, e.pos().line());
        assertTrue(e.getMessage().contains("unknown key 'aquires'"), e.getMessage());
        assertTrue(e.getMessage().contains("acquires"), e.getMessage());
    }

    @Test
    void yamlErrorsHaveLineAndColumn() throws IOException {
        Path unknown = write("u.yaml", "drivers:\n  - name: x\n    compatibles: []\n    colour: red\n");
        InputException e = assertThrows(InputException.class, () -> DriverCatalog.load(unknown));
        assertEquals(4, e.pos().line());
        assertTrue(e.getMessage().contains("unknown key 'colour'"), e.getMessage());

        Path syntax = write("s.yaml", "drivers:\n  - name: x\n    compatibles: [a,b\n  - name: y\n");
        InputException s = assertThrows(InputException.class, () -> DriverCatalog.load(syntax));
        assertTrue(s.pos().line() > 0, s.render());
    }

    @Test
    void invalidValuesAreReportedAtTheirDriver() throws IOException {
        assertError("{\"drivers\": [\n {\"name\": \"x\", \"compatibles\": [\"bad compat\"]}]}", 2, "malformed compatible");
        assertError("{\"drivers\": [\n {\"name\": \"x\", \"compatibles\": [], \"bus\": \"usb\"}]}", 2, "bad \"bus\" 'usb'");
        assertError("{\"drivers\": [\n {\"name\": \"x\", \"compatibles\": [], \"level\": \"MODULE\"}]}", 2, "\"build\": \"m\"");
        assertError("{\"drivers\": [\n {\"name\": \"x\", \"compatibles\": [], \"moduleLoadSeconds\": 3}]}", 2, "needs \"build\"");
        assertError("{\"drivers\": [\n {\"name\": \"x\", \"compatibles\": []},\n {\"name\": \"x\", \"compatibles\": []}]}", 3, "duplicate driver 'x'");
        assertError("{\"drivers\": [\n {\"name\": \"x\"}]}", 2, "missing \"compatibles\"");
        assertError("{\"drivers\": [\n {\"name\": \"x\", \"compatibles\": \"a,b\"}]}", 2, "wrong type for \"compatibles\"");
        assertError("{\"drivers\": [\n {\"name\": \"x\", \"compatibles\": [], \"config\": \"ARM_SMMU\"}]}", 2, "Kconfig symbol");
        assertError("{\"drivers\": [\n {\"name\": \"generic:x\", \"compatibles\": []}]}", 2, "reserved");
        assertError("{\"drivers\": [],\n \"extra\": 1}", 2, "unknown key 'extra'");
        assertError("[]", 1, "must be an object");
        assertError("{\"drivers\": [\n {\"name\": \"x\", \"compatibles\": [], \"childBus\": \"I2C\"}]}", 2,
                "\"childBus\" needs \"populatesChildren\": true");
        assertError("{\"drivers\": [\n {\"name\": \"x\", \"compatibles\": [], \"populatesChildren\": true, "
                + "\"childBus\": \"PCI\"}]}", 2, "must be PLATFORM, I2C, SPI or RPMSG");
        assertError("{\"drivers\": [\n {\"name\": \"x\", \"compatibles\": [], \"populatesChildren\": true, "
                + "\"childBus\": \"usb\"}]}", 2, "bad \"childBus\" 'usb': must be PLATFORM, I2C, SPI or RPMSG");
    }

    @Test
    void childBusNamesTheBusOfPopulatedChildren() throws IOException {
        Path f = write("bus.yaml", """
                drivers:
                  - name: acme-i2c
                    compatibles: [acme,i2c]
                    populatesChildren: true
                    childBus: i2c
                  - name: acme-mfd
                    compatibles: [acme,mfd]
                    populatesChildren: true
                """);
        DriverCatalog c = DriverCatalog.load(f);
        assertEquals(BusType.I2C, c.byName("acme-i2c").orElseThrow().spec().childBus());
        assertEquals(BusType.PLATFORM, c.byName("acme-mfd").orElseThrow().spec().childBus());
    }

    private void assertError(String json, int line, String fragment) throws IOException {
        Path f = write("e.json", json);
        InputException e = assertThrows(InputException.class, () -> DriverCatalog.load(f), json);
        assertEquals(line, e.pos().line(), e.render());
        assertTrue(e.getMessage().contains(fragment), e.render());
    }

    @Test
    void wrongExtensionAndMissingFile() {
        assertThrows(InputException.class, () -> DriverCatalog.load(dir.resolve("cat.txt")));
        InputException e = assertThrows(InputException.class, () -> DriverCatalog.load(dir.resolve("none.json")));
        assertTrue(e.getMessage().startsWith("cannot read"), e.getMessage());
    }
}
