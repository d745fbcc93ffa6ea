package dev.dtprobe.lint.probe;

import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.Device;
import dev.dtprobe.lint.LintContext;
import dev.dtprobe.tree.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Facts about the boot that several rules ask per node, computed once per lint run. */
final class BootFacts {
    private final Set<Device> boundAfterTimeout;

    private final Map<Node, List<Device>> idMapUsers = new HashMap<>();

    private BootFacts(BootResult boot) {
        this.boundAfterTimeout = new HashSet<>(boot.boundAfterTimeout());
        for (Device d : boot.devices()) {
            if (d.usesIdMap() && d.idMapNode() != null) {
                idMapUsers.computeIfAbsent(d.idMapNode(), k -> new ArrayList<>()).add(d);
            }
        }
    }

    static BootFacts of(LintContext ctx) {
        return ctx.shared(BootFacts.class, c -> new BootFacts(c.boot()));
    }

    /** PCI functions and fsl-mc objects whose IDs go through this node's iommu-map / msi-map. */
    List<Device> idMapUsers(Node bridge) {
        return idMapUsers.getOrDefault(bridge, List.of());
    }

    boolean boundAfterTimeout(Device d) {
        return boundAfterTimeout.contains(d);
    }
}
