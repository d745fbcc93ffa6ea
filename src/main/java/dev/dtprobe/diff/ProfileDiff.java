package dev.dtprobe.diff;

import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.catalog.CatalogEntry;
import dev.dtprobe.driver.catalog.ProbeFault;
import dev.dtprobe.kernel.Errno;
import dev.dtprobe.kernel.KernelProfile;
import dev.dtprobe.tree.DeviceTree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What differs in the simulated kernel: the {@link KernelProfile} fields (version and era,
 * deferred-probe timeout, fw_devlink, modules, IOMMU defaults, arch) and, for every driver that
 * can match a node of either tree, whether it exists in the version, how it is built and which
 * fault is injected.
 */
final class ProfileDiff {
    private ProfileDiff() {
    }

    static List<ProfileChange> kernel(KernelProfile a, KernelProfile b) {
        List<ProfileChange> out = new ArrayList<>();
        if (!a.version().equals(b.version())) {
            out.add(new ProfileChange("kernel", a.version() + " (era " + a.era() + ")", b.version() + " (era " + b.era() + ")"));
        }
        add(out, "arch", a, b, p -> p.arch().name().toLowerCase(Locale.ROOT));
        add(out, "modules", a, b, p -> p.modules() ? "y" : "n");
        add(out, "deferred_probe_timeout", a, b, p -> Integer.toString(p.deferredProbeTimeout()));
        add(out, "fw_devlink", a, b, p -> p.fwDevlink().name().toLowerCase(Locale.ROOT));
        add(out, "fw_devlink.strict", a, b, p -> p.fwDevlinkStrict() ? "1" : "0");
        add(out, "iommu.passthrough", a, b, p -> p.iommuPassthrough() ? "1" : "0");
        add(out, "iommu.strict", a, b, p -> p.iommuStrict() ? "1" : "0");
        return out;
    }

    private static void add(List<ProfileChange> out, String what, KernelProfile a, KernelProfile b,
            Function<KernelProfile, String> field) {
        String x = field.apply(a);
        String y = field.apply(b);
        if (!x.equals(y)) {
            out.add(new ProfileChange(what, x, y));
        }
    }

    /** Drivers that can match a node of either tree and are not available the same way in both. */
    static List<DriverChange> drivers(BootResult a, BootResult b) {
        Map<String, Set<String>> nodesByDriver = new LinkedHashMap<>();
        collect(a.tree(), a, nodesByDriver);
        collect(a.tree(), b, nodesByDriver);
        collect(b.tree(), a, nodesByDriver);
        collect(b.tree(), b, nodesByDriver);
        List<DriverChange> out = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : nodesByDriver.entrySet()) {
            String x = status(a, e.getKey());
            String y = status(b, e.getKey());
            if (!x.equals(y)) {
                out.add(new DriverChange(e.getKey(), x, y, List.copyOf(e.getValue())));
            }
        }
        return out;
    }

    private static void collect(DeviceTree tree, BootResult boot, Map<String, Set<String>> nodesByDriver) {
        tree.forEachLiveNode(n -> {
            List<String> compatibles = NodeFacts.compatibles(n);
            if (compatibles.isEmpty()) {
                return;
            }
            for (CatalogEntry e : boot.catalog().matchingNode(compatibles)) {
                if (!e.isGeneric()) {
                    nodesByDriver.computeIfAbsent(e.name(), k -> new LinkedHashSet<>()).add(n.path());
                }
            }
        });
    }

    /** {@code built in}, {@code module loaded at 3.0 s}, {@code not built}, {@code not in kernel 5.10}, plus faults. */
    static String status(BootResult r, String driver) {
        CatalogEntry e = r.catalog().byName(driver).orElse(null);
        if (e == null) {
            return "not in the catalog";
        }
        if (!r.driverExistsInKernel(driver)) {
            return "not in kernel " + r.profile().version();
        }
        String s = switch (e.build()) {
            case BUILTIN -> "built in";
            case MODULE -> e.moduleLoadSeconds() == null ? "module, never loaded"
                    : "module loaded at " + e.moduleLoadSeconds() + " s";
            case ABSENT -> "not built";
        };
        ProbeFault f = r.catalog().faults().get(driver);
        if (f != null && f.deferTimes() > 0) {
            s += ", probe defers " + f.deferTimes() + " time" + (f.deferTimes() == 1 ? "" : "s");
        }
        if (f != null && f.failErrno() != null) {
            s += ", probe fails with " + Errno.name(f.failErrno());
        }
        return s;
    }
}
