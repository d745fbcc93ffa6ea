package dev.dtprobe.lint.dtc;

import dev.dtprobe.tree.Node;

/** dtc's node_is_interrupt_provider. */
final class InterruptProviders {
    private InterruptProviders() {
    }

    static boolean isProvider(Node node) {
        return node.property("interrupt-controller") != null || node.property("interrupt-map") != null;
    }
}
