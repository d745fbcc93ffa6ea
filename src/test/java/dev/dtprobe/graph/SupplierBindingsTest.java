package dev.dtprobe.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SupplierBindingsTest {

    @Test
    void namesAndPatterns() {
        for (String yes : List.of("clocks", "vdd-supply", "reset-gpios", "enable-gpio", "gpios", "gpio", "pinctrl-0",
                "pinctrl-8", "iommus", "iommu-map", "dmas", "interrupts", "interrupts-extended", "interrupt-map",
                "msi-parent", "remote-endpoint", "power-domains", "resets", "phys", "interrupt-parent",
                "post-init-providers", "nr-gpios")) {
            assertTrue(SupplierBindings.isSupplierBinding(yes), yes);
        }
        for (String no : List.of("foo,nr-gpios", "snps,nr-gpios", "-supply", "-gpios", "pinctrl-9", "pinctrl-names",
                "clock-names", "compatible", "reg", "msi-map", "ngpios", "iommu-map-mask", "#gpio-cells")) {
            assertFalse(SupplierBindings.isSupplierBinding(no), no);
        }
    }

    @Test
    void optionalRowsAreIommusIommuMapAndDmas() {
        List<String> optional = SupplierBindings.all().stream().filter(SupplierBinding::optional)
                .map(SupplierBinding::pattern).toList();
        assertEquals(List.of("iommus", "iommu-map", "dmas"), optional);
        assertTrue(SupplierBindings.bindingFor("post-init-providers").ignoredForProbe());
        assertEquals("#gpio-cells", SupplierBindings.bindingFor("cd-gpios").cellsProperty());
    }
}
