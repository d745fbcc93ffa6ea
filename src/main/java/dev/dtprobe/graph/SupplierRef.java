package dev.dtprobe.graph;

import dev.dtprobe.tree.Node;

/**
 * One fwnode link fw_devlink would record: {@code consumer} depends on {@code supplier} because of
 * {@code property}. The supplier is the node the property names (for example a pinctrl state node
 * or a graph port), not necessarily a device node: mapping it to a device (walking up) and the
 * availability check of {@code of_link_to_phandle} depend on runtime state and belong to the
 * driver core.
 *
 * @param optional true for {@code iommus}, {@code iommu-map} and {@code dmas}: only linked with
 *                 {@code fw_devlink.strict=1}
 */
public record SupplierRef(Node consumer, String property, Node supplier, boolean optional) {

    /** {@code post-init-providers}: FWLINK_FLAG_IGNORE, a sync-state hint that never blocks probe. */
    public boolean ignoredForProbe() {
        SupplierBinding b = SupplierBindings.bindingFor(property);
        return b != null && b.ignoredForProbe();
    }
}
