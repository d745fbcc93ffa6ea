package dev.dtprobe.driver;

import dev.dtprobe.driver.catalog.Build;
import dev.dtprobe.driver.catalog.CatalogEntry;
import dev.dtprobe.graph.DeviceGraph;
import dev.dtprobe.kernel.Errno;
import dev.dtprobe.tree.Node;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Why a device ended where it did: a chain of steps from the device through the suppliers it
 * waited for down to the root cause ({@code mmc@2000 <- iommu@1000: driver probe failed
 * -EINVAL}).
 */
public final class WhyChain {

    /** One link of the chain: the node or device, and what is wrong with it. */
    public record Step(String who, String what) {
    }

    private final List<Step> steps;

    private WhyChain(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    public List<Step> steps() {
        return steps;
    }

    /** The last step: what really has to change. */
    public Step rootCause() {
        return steps.get(steps.size() - 1);
    }

    /** One line: {@code mmc@2000 <- iommu@1000: probe by arm-smmu failed with -EINVAL}. */
    public String oneLine() {
        StringBuilder sb = new StringBuilder();
        for (Step s : steps) {
            if (sb.length() > 0) {
                sb.append(" <- ");
            }
            sb.append(s.who());
        }
        return sb.append(": ").append(rootCause().what()).toString();
    }

    static WhyChain explain(BootResult result, Device start) {
        List<Step> steps = new ArrayList<>();
        Set<Node> seen = new HashSet<>();
        Device dev = start;
        while (true) {
            String who = shortName(dev);
            if (dev.node() != null && !seen.add(dev.node())) {
                steps.add(new Step(who, "dependency cycle"));
                break;
            }
            DeferCause cause = dev.lastCause();
            switch (dev.state()) {
                case BOUND -> {
                    steps.add(new Step(who, boundText(result, dev)));
                    return new WhyChain(steps);
                }
                case FAILED -> {
                    String what = dev.failNote() != null
                            ? dev.lastDriver().name() + " refused with " + Errno.name(dev.failErrno()) + ": " + dev.failNote()
                            : "probe by " + dev.lastDriver().name() + " failed with " + Errno.name(dev.failErrno());
                    steps.add(new Step(who, what));
                    return new WhyChain(steps);
                }
                case CREATED, NO_DRIVER -> {
                    steps.add(new Step(who, noDriverText(result, dev.node())));
                    return new WhyChain(steps);
                }
                default -> {
                }
            }
            if (cause == null || cause.supplier() == null) {
                steps.add(new Step(who, cause == null ? "deferred" : describe(cause)));
                return new WhyChain(steps);
            }
            steps.add(new Step(who, describe(cause)));
            Device supplier = result.device(cause.supplier());
            if (supplier == null) {
                steps.add(new Step(shortName(cause.supplier()), nodeWithoutDevice(result, cause.supplier())));
                return new WhyChain(steps);
            }
            dev = supplier;
        }
        return new WhyChain(steps);
    }

    private static String describe(DeferCause cause) {
        String target = cause.supplier() == null ? "" : " " + cause.supplier().path();
        return switch (cause.kind()) {
            case SUPPLIER_LINK -> "waits for supplier" + target + " (fw_devlink, " + cause.detail() + ")";
            case IOMMU -> "waits for IOMMU" + target + " to register";
            case RESOURCE -> "probe needs " + cause.detail() + " from" + target;
            case IPMMU_ROOT -> "IPMMU cache instance waits for its root" + target;
            case INJECTED -> "probe deferral injected";
        };
    }

    private static String boundText(BootResult result, Device dev) {
        String text = "bound to " + dev.driver().name() + String.format(Locale.ROOT, " at %.6f s", dev.boundMicros() / 1e6);
        if (dev.iommuNote() != null) {
            text += ", without its IOMMU (" + dev.iommuNote() + ")";
        }
        return text;
    }

    private static String nodeWithoutDevice(BootResult result, Node node) {
        if (!DeviceGraph.isAvailable(node)) {
            return "node is disabled (status = \"" + node.property("status").value().firstString() + "\")";
        }
        if (result.earlyNodes().contains(node)) {
            return "set up early by OF_DECLARE code";
        }
        if (node.property("compatible") == null) {
            return "node has no compatible, so no device is created for it";
        }
        return "no device created: its parent is not a bus the kernel populates ("
                + (node.parent() == null ? "/" : node.parent().path()) + "); " + noDriverText(result, node);
    }

    private static String noDriverText(BootResult result, Node node) {
        if (node == null) {
            return "no driver matched";
        }
        List<String> compatibles = DevicePopulator.compatibles(node);
        for (String c : compatibles) {
            for (CatalogEntry e : result.catalog().matching(c)) {
                if (!DriverHistory.existsIn(e.spec().name(), result.profile().version())) {
                    return "driver " + e.spec().name() + " for \"" + c + "\" does not exist in v"
                            + result.profile().version() + " (added in v" + DriverHistory.introducedIn(e.spec().name()) + ")";
                }
                if (e.build() == Build.ABSENT) {
                    return "driver " + e.spec().name() + " for \"" + c + "\" is not built"
                            + (e.spec().config() == null ? "" : " (" + e.spec().config() + " is not set)");
                }
                if (e.build() == Build.MODULE) {
                    return "driver " + e.spec().name() + " for \"" + c + "\" is a module that was not loaded";
                }
            }
        }
        return "no driver matches compatible \"" + String.join("\", \"", compatibles) + "\"";
    }

    static String shortName(Device d) {
        return d.node() != null ? shortName(d.node()) : d.name();
    }

    static String shortName(Node n) {
        return n.isRoot() ? "/" : n.name();
    }
}
