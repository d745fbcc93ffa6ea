package dev.dtprobe.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dtprobe.driver.BootResult;
import dev.dtprobe.driver.BootSimulation;
import dev.dtprobe.driver.catalog.DriverCatalog;
import dev.dtprobe.driver.catalog.FaultInjection;
import dev.dtprobe.frontend.LoadOptions;
import dev.dtprobe.frontend.TreeLoader;
import dev.dtprobe.kernel.KernelProfile;
import dev.dtprobe.tree.DeviceTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A bind time is reported when it moved by the threshold or more, and not below. */
class BindTimeThresholdTest {

    /** board.dts with and without the SMMU driver: 2000.mmc binds at 0.027030 s, then at 10.026830 s. */
    private static BootDiff diff(long thresholdMicros) {
        DeviceTree tree = new TreeLoader(new LoadOptions(List.of(Path.of("samples/include")), List.of(), List.of(), false, null))
                .load(Path.of("samples/diff/board.dts")).tree();
        DriverCatalog c = DriverCatalog.bundled().merge(DriverCatalog.load(Path.of("samples/diff/drivers.yaml")));
        KernelProfile p = KernelProfile.forVersion(KernelProfile.DEFAULT_VERSION);
        BootResult a = new BootSimulation(p, c).run(tree);
        BootResult b = new BootSimulation(p, c.with(FaultInjection.parse("missing:arm-smmu"))).run(tree);
        return BootDiff.compare(a, b, DiffOptions.defaults().withTimeThreshold(thresholdMicros));
    }

    private static List<String> bindTimes(BootDiff d) {
        List<String> out = new ArrayList<>();
        d.byCategory(Category.BIND_TIME).forEach((dev, changes) -> changes.forEach(c -> out.add(dev.name() + ": "
                + c.before() + " -> " + c.after())));
        return out;
    }

    @Test
    void theThresholdIsInclusive() {
        long moved = 10_026_830 - 27_030;
        assertEquals(List.of("2000.mmc: 0.027030 s -> 10.026830 s (+9.999800 s)"), bindTimes(diff(moved)));
        assertEquals(List.of(), bindTimes(diff(moved + 1)));
    }

    @Test
    void theDefaultKeepsTimeoutsAndDropsInitcallJitter() {
        // the clock controller binds 0.52 ms earlier without the SMMU driver's probe before it
        assertEquals(List.of("2000.mmc: 0.027030 s -> 10.026830 s (+9.999800 s)"),
                bindTimes(diff(DiffOptions.DEFAULT_TIME_THRESHOLD_MICROS)));
        assertEquals(List.of("2000.mmc: 0.027030 s -> 10.026830 s (+9.999800 s)",
                "3000.clock-controller: 0.024530 s -> 0.024010 s (-0.000520 s)"), sorted(bindTimes(diff(500))));
    }

    private static List<String> sorted(List<String> l) {
        List<String> s = new ArrayList<>(l);
        s.sort(null);
        return s;
    }
}
