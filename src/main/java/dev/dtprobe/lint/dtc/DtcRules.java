package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintRule;
import java.util.ArrayList;
import java.util.List;

/** dtc's checks, in the order of dtc 1.6.1's {@code check_table}. */
public final class DtcRules {
    private DtcRules() {
    }

    public static List<LintRule> all() {
        List<LintRule> rules = new ArrayList<>(List.of(
                new DuplicateNodeNames(),
                new DuplicatePropertyNames(),
                new NodeNameChars(),
                new NodeNameFormat(),
                new PropertyNameChars(),
                new NameIsString(),
                new NameProperties(),
                new NodeNameVsPropertyName(),
                new DuplicateLabel(),
                new ExplicitPhandles(),
                new PhandleReferences(),
                new PathReferences(),
                new OmitUnusedNodes(),
                new AddressCellsIsCell(),
                new SizeCellsIsCell(),
                new DeviceTypeIsString(),
                new ModelIsString(),
                new StatusIsString(),
                new LabelIsString(),
                new CompatibleIsStringList(),
                new NamesIsStringList(),
                new PropertyNameCharsStrict(),
                new NodeNameCharsStrict()));
        // address, bus and unit-address checks go here (dtc's addr_size_cells ... unique_unit_address_if_enabled)
        rules.addAll(List.of(
                new ObsoleteChosenInterruptController(),
                new ChosenNodeIsRoot(),
                new ChosenNodeBootargs(),
                new ChosenNodeStdoutPath()));
        for (PhandleProvider p : PhandleProvider.ALL) {
            rules.add(new PhandleArgsProperty(p));
            rules.add(new ProviderCellsIsCell(p));
        }
        rules.addAll(List.of(
                new DeprecatedGpioProperty(),
                new GpiosProperty(),
                new InterruptsProperty(),
                new InterruptProvider(),
                new AliasPaths()));
        // graph checks go here (dtc's graph_nodes, graph_child_address, graph_port, graph_endpoint)
        rules.add(new AlwaysFail());
        return List.copyOf(rules);
    }
}
