package dev.dtprobe.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * fw_devlink's supplier property table, in the kernel's order: the one place that says which
 * properties make one node depend on another. Followed: upstream v6.12 ({@code of_supplier_bindings},
 * drivers/of/property.c), which still parses {@code interrupt-parent} on its own (a Nov 2024 patch,
 * after v6.12, removed that row).
 */
public final class SupplierBindings {
    private static final List<SupplierBinding> ALL = build();

    private SupplierBindings() {
    }

    private static List<SupplierBinding> build() {
        List<SupplierBinding> t = new ArrayList<>();
        list(t, "clocks", "#clock-cells");
        list(t, "interconnects", "#interconnect-cells");
        t.add(new SupplierBinding("iommus", SupplierBinding.Match.EXACT, "#iommu-cells", true, false,
                SupplierBinding.Parse.LIST));
        t.add(new SupplierBinding("iommu-map", SupplierBinding.Match.EXACT, null, true, false,
                SupplierBinding.Parse.IOMMU_MAP));
        list(t, "mboxes", "#mbox-cells");
        list(t, "io-channels", "#io-channel-cells");
        list(t, "io-backends", "#io-backend-cells");
        list(t, "interrupt-parent", null);
        t.add(new SupplierBinding("dmas", SupplierBinding.Match.EXACT, "#dma-cells", true, false,
                SupplierBinding.Parse.LIST));
        list(t, "power-domains", "#power-domain-cells");
        list(t, "hwlocks", "#hwlock-cells");
        list(t, "extcon", null);
        list(t, "nvmem-cells", "#nvmem-cell-cells");
        list(t, "phys", "#phy-cells");
        list(t, "wakeup-parent", null);
        for (int i = 0; i <= 8; i++) {
            list(t, "pinctrl-" + i, null);
        }
        t.add(new SupplierBinding("remote-endpoint", SupplierBinding.Match.EXACT, null, false, false,
                SupplierBinding.Parse.REMOTE_ENDPOINT));
        list(t, "pwms", "#pwm-cells");
        list(t, "resets", "#reset-cells");
        list(t, "leds", null);
        list(t, "backlight", null);
        list(t, "panel", null);
        list(t, "msi-parent", "#msi-cells");
        list(t, "pses", "#pse-cells");
        list(t, "power-supplies", null);
        for (String name : List.of("gpio", "gpios")) {
            t.add(new SupplierBinding(name, SupplierBinding.Match.EXACT, "#gpio-cells", false, false,
                    SupplierBinding.Parse.GPIO_COMPAT));
        }
        for (String name : List.of("interrupts", "interrupts-extended")) {
            t.add(new SupplierBinding(name, SupplierBinding.Match.EXACT, "#interrupt-cells", false, false,
                    SupplierBinding.Parse.INTERRUPTS));
        }
        t.add(new SupplierBinding("interrupt-map", SupplierBinding.Match.EXACT, "#interrupt-cells", false, false,
                SupplierBinding.Parse.INTERRUPT_MAP));
        list(t, "access-controllers", "#access-controller-cells");
        t.add(new SupplierBinding("-supply", SupplierBinding.Match.SUFFIX, null, false, false,
                SupplierBinding.Parse.SUFFIX_LIST));
        t.add(new SupplierBinding("-gpio", SupplierBinding.Match.SUFFIX, "#gpio-cells", false, false,
                SupplierBinding.Parse.SUFFIX_LIST));
        t.add(new SupplierBinding("-gpios", SupplierBinding.Match.SUFFIX, "#gpio-cells", false, false,
                SupplierBinding.Parse.GPIOS_SUFFIX));
        t.add(new SupplierBinding("post-init-providers", SupplierBinding.Match.EXACT, null, false, true,
                SupplierBinding.Parse.LIST));
        return List.copyOf(t);
    }

    private static void list(List<SupplierBinding> t, String name, String cells) {
        t.add(new SupplierBinding(name, SupplierBinding.Match.EXACT, cells, false, false, SupplierBinding.Parse.LIST));
    }

    /** Every row, in the kernel's order. */
    public static List<SupplierBinding> all() {
        return ALL;
    }

    /** The row that handles this property name, or null if fw_devlink ignores the property. */
    public static SupplierBinding bindingFor(String propertyName) {
        for (SupplierBinding b : ALL) {
            if (b.matches(propertyName)) {
                return b;
            }
        }
        return null;
    }

    public static boolean isSupplierBinding(String propertyName) {
        return bindingFor(propertyName) != null;
    }
}
