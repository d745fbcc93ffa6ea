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
        rules.addAll(List.of(
                // addresses and cell counts
                new AddrSizeCells(), new RegFormat(), new RangesFormat(), new DmaRangesFormat(),
                new UnitAddressVsReg(), new UnitAddressFormat(),
                // buses
                new PciBridge(), new PciDeviceReg(), new PciDeviceBusNum(),
                new SimpleBusBridge(), new SimpleBusReg(),
                new I2cBusBridge(), new I2cBusReg(),
                new SpiBusBridge(), new SpiBusReg(),
                // style
                new AvoidDefaultAddrSize(), new AvoidUnnecessaryAddrSize(),
                new UniqueUnitAddress(), new UniqueUnitAddressIfEnabled()));
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
        // OF graph
        rules.addAll(List.of(new GraphNodes(), new GraphChildAddress(), new GraphPort(), new GraphEndpoint()));
        rules.add(new AlwaysFail());
        return List.copyOf(rules);
    }
}
