package dev.dtprobe.driver.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtprobe.diag.InputErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelConfigTest {
    @TempDir
    Path dir;

    @Test
    void parsesTristatesAndComments() throws IOException {
        Path f = dir.resolve(".config");
        Files.writeString(f, """
                #
                # Automatically generated file; DO NOT EDIT.
                # Linux/arm64 5.7.0 Kernel Configuration
                #
                CONFIG_ARM_SMMU=y
                CONFIG_ARM_SMMU_V3=m
                # CONFIG_IPMMU_VMSA is not set
                CONFIG_ROCKCHIP_IOMMU=n
                CONFIG_CMDLINE="console=ttyAMA0"
                CONFIG_NR_CPUS=256

                CONFIG_PHYS_OFFSET=0x80000000
                """);
        KernelConfig c = KernelConfig.parse(f);
        assertEquals(Optional.of(Build.BUILTIN), c.get("CONFIG_ARM_SMMU"));
        assertEquals(Optional.of(Build.MODULE), c.get("ARM_SMMU_V3"));
        assertEquals(Optional.of(Build.ABSENT), c.get("CONFIG_IPMMU_VMSA"));
        assertEquals(Optional.of(Build.ABSENT), c.get("CONFIG_ROCKCHIP_IOMMU"));
        assertEquals(Optional.empty(), c.get("CONFIG_CMDLINE"));
        assertEquals(Optional.of("256"), c.raw("CONFIG_NR_CPUS"));
        assertEquals(Optional.empty(), c.get("CONFIG_NOT_THERE"));

        DriverCatalog cat = DriverCatalog.bundled().withConfig(c);
        assertEquals(Build.BUILTIN, cat.byName("arm-smmu").get().build());
        CatalogEntry v3 = cat.byName("arm-smmu-v3").get();
        assertEquals(Build.MODULE, v3.build());
        assertNull(v3.moduleLoadSeconds(), "a module nobody loads");
        assertEquals(Build.ABSENT, cat.byName("ipmmu-vmsa").get().build());
        assertEquals(Build.ABSENT, cat.byName("panfrost").get().build(), "missing symbol means n");
        assertEquals(Build.BUILTIN, cat.byName("simple-bus").get().build(), "no symbol: unchanged");
    }

    @Test
    void badLinesAreReportedWithLineNumbers() {
        InputErrors e = assertThrows(InputErrors.class, () -> KernelConfig.parse("k.config",
                "CONFIG_A=y\nthis is junk\nCONFIG_B=maybe\n# CONFIG_C is not set\nCONFIG_D\n"));
        assertEquals(3, e.errors().size());
        assertEquals(2, e.errors().get(0).pos().line());
        assertEquals(3, e.errors().get(1).pos().line());
        assertTrue(e.errors().get(1).message().contains("CONFIG_B"), e.errors().get(1).message());
        assertEquals(5, e.errors().get(2).pos().line());
        assertTrue(e.render().startsWith("k.config:2:1: error: expected CONFIG_NAME=value"), e.render());
    }
}
