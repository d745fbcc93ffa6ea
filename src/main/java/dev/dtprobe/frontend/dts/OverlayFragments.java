package dev.dtprobe.frontend.dts;

import dev.dtprobe.tree.DeviceTree;
import dev.dtprobe.tree.MarkerType;
import dev.dtprobe.tree.Node;
import dev.dtprobe.tree.Property;
import dev.dtprobe.tree.PropertyValue;

/**
 * The plugin "sugar" of dtc's add_orphan_node: a top-level {@code &ref { ... };} that targets
 * the base tree becomes {@code fragment@N { target = <&ref>; __overlay__ { ... }; };}, and a
 * path reference becomes {@code target-path = "/path";}.
 */
final class OverlayFragments {
    private OverlayFragments() {
    }

    static void add(DeviceTree tree, String ref, Node body, int index) {
        Property target;
        if (ref.startsWith("/")) {
            target = new Property("target-path", PropertyValue.ofString(ref), body.pos());
        } else {
            PropertyValue.Builder b = new PropertyValue.Builder();
            b.mark(MarkerType.REF_PHANDLE, ref).appendInt(0xffffffffL, 4);
            target = new Property("target", b.build(), body.pos());
        }
        Node fragment = new Node("fragment@" + index, body.pos());
        fragment.addProperty(target);
        body.rename("__overlay__");
        fragment.addChild(body);
        tree.root().addChild(fragment);
    }
}
