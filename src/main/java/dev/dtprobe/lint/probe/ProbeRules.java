package dev.dtprobe.lint.probe;

import dev.dtprobe.lint.LintRule;
import java.util.List;

/** The rules that judge a board by its simulated boot. */
public final class ProbeRules {
    private static final List<LintRule> ALL = List.of(
            new NeverBinds(),
            new BoundAfterTimeout(),
            new BoundWithoutIommu(),
            new IommusDisabledTarget(),
            new IommusNotAnIommu(),
            new IommuMapInvalid(),
            new IommuMapGaps(),
            new StreamIdRange(),
            new DependencyCycle(),
            new DmaOwnershipConflict(),
            new PciSplitIommuGroup(),
            new XenGrantDmaNoDriver(),
            new StaleDmaOps());

    private ProbeRules() {
    }

    public static List<LintRule> all() {
        return ALL;
    }
}
