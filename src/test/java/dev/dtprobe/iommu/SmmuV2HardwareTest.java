package dev.dtprobe.iommu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dtprobe.frontend.LoadOptions;
import dev.dtprobe.frontend.TreeLoader;
import dev.dtprobe.graph.DeviceGraph;
import dev.dtprobe.translate.smmu.SmmuConfig;
import dev.dtprobe.translate.smmu.SmmuResources;
import dev.dtprobe.translate.smmu.SmmuVersion;
import dev.dtprobe.tree.DeviceTree;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmmuV2HardwareTest {
    private static final String GIC = """
            / {
                #address-cells = <1>; #size-cells = <1>;
                gic: interrupt-controller@100 {
                    compatible = "arm,gic-400"; reg = <0x100 0x100>;
                    interrupt-controller; #interrupt-cells = <3>;
                };
                other: interrupt-controller@200 {
                    compatible = "acme,intc"; reg = <0x200 0x100>;
                    interrupt-controller; #interrupt-cells = <1>;
                };
            """;

    private static int contextIrqs(String smmuBody) {
        DeviceTree tree = new TreeLoader(new LoadOptions(List.of(), List.of(), List.of(), false, null))
                .loadDts("test.dts", "/dts-v1/;\n" + GIC + "smmu: iommu@1000 {\ncompatible = \"arm,mmu-500\";\n"
                        + "reg = <0x1000 0x10000>;\n#iommu-cells = <1>;\n" + smmuBody + "\n};\n};\n").tree();
        return SmmuV2Hardware.contextIrqs(tree.root().child("iommu@1000"), new DeviceGraph(tree));
    }

    @Test
    void contextInterruptsFollowTheGlobalOnes() {
        assertEquals(3, contextIrqs("""
                interrupt-parent = <&gic>; #global-interrupts = <1>;
                interrupts = <0 20 4>, <0 21 4>, <0 22 4>, <0 23 4>;"""));
        assertEquals(2, contextIrqs("""
                #global-interrupts = <2>;
                interrupts-extended = <&gic 0 20 4>, <&other 7>, <&gic 0 22 4>, <&other 8>;"""));
    }

    @Test
    void withoutGlobalInterruptCountTheCountIsUnknown() {
        assertEquals(-1, contextIrqs("interrupt-parent = <&gic>; interrupts = <0 20 4>, <0 21 4>;"));
    }

    @Test
    void contextBanksComeFromTheContextInterruptsAndTheRestFromTheImplementation() {
        // arm_smmu_device_probe: NUMCB above the context IRQ count is -ENODEV, so a booting DT has
        // at least NUMCB of them; the model takes the count itself
        SmmuConfig c = SmmuResources.forNode(SmmuVersion.MMU500, 3);
        assertEquals(3, c.numCb());
        assertEquals(0, c.numS2Cb());
        assertEquals(128, c.numSmrg());
        assertEquals(0x7fff, c.streamIdMask(), "MMU-500's TCU stream IDs are 15 bits");
        assertEquals(SmmuConfig.MAX_CBS, SmmuResources.forNode(SmmuVersion.V2, -1).numCb(), "unknown: ARM_SMMU_MAX_CBS");
        assertEquals(SmmuConfig.MAX_CBS, SmmuResources.forNode(SmmuVersion.MMU500, 0).numCb());
        assertEquals(SmmuConfig.MAX_CBS, SmmuResources.forNode(SmmuVersion.MMU500, 300).numCb(), "ID1.NUMCB is at most 128");
    }
}
