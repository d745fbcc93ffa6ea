package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.LintRule;
import java.util.List;

/** dtc's checks, in the order of dtc's {@code check_table}. */
public final class DtcRules {
    private DtcRules() {
    }

    public static List<LintRule> all() {
        return List.of(
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
                new UniqueUnitAddress(), new UniqueUnitAddressIfEnabled(),
                // OF graph
                new GraphNodes(), new GraphChildAddress(), new GraphPort(), new GraphEndpoint());
    }
}
