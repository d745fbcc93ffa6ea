package dev.dtprobe.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** §4.5 / S12 / S24: of_map_id. */
class MapIdTest {

    private static Dts bridge(String props) {
        return Dts.of("""
                / {
                    #address-cells = <2>; #size-cells = <2>;
                    smmu: iommu@1000 { reg = <0 0x1000 0 0x100>; #iommu-cells = <1>; };
                    smmu2: iommu@2000 { reg = <0 0x2000 0 0x100>; #iommu-cells = <1>; };
                    pcie@40000000 { reg = <0 0x40000000 0 0x1000>; %s };
                };
                """.formatted(props));
    }

    private static IdMapping map(Dts d, long rid) {
        return d.graph.mapId(d.node("/pcie@40000000"), "iommu-map", rid);
    }

    @Test
    void s12MaskFoldsEveryBusOntoTheSameIds() {
        Dts d = bridge("iommu-map = <0x0 &smmu 0x10000 0x100>; iommu-map-mask = <0xff>;");
        IdMapping port = map(d, 0x0000);
        assertEquals(IdMapping.Kind.MAPPED, port.kind());
        assertSame(d.node("/iommu@1000"), port.target());
        assertEquals(0x10000, port.id());
        assertEquals(0x10000, map(d, 0x0100).id(), "RID 01:00.0 masks to 0x00");
        assertEquals(0x10008, map(d, 0x0308).id());
    }

    @Test
    void ridNotCovered() {
        Dts d = bridge("iommu-map = <0x0 &smmu 0x10000 0x100>;");
        IdMapping m = map(d, 0x0100);
        assertEquals(IdMapping.Kind.NO_TRANSLATION, m.kind());
        assertNull(m.target());
        assertEquals(0x100, m.id(), "the ID passes through");
        assertEquals("OF: /pcie@40000000: no iommu-map translation for id 0x100 on (null)", m.logLine());
    }

    @Test
    void maskIgnoringBase() {
        Dts d = bridge("iommu-map = <0x100 &smmu 0x0 0x100>; iommu-map-mask = <0xff>;");
        IdMapping m = map(d, 0x100);
        assertEquals(IdMapping.Kind.MASK_IGNORES_BASE, m.kind());
        assertEquals("OF: /pcie@40000000: Invalid iommu-map translation - iommu-map-mask (0xff) ignores id-base (0x100)",
                m.logLine());
    }

    @Test
    void badLength() {
        Dts d = bridge("iommu-map = <0x0 &smmu 0x0 0x100 0x5>;");
        IdMapping m = map(d, 0);
        assertEquals(IdMapping.Kind.BAD_LENGTH, m.kind());
        assertEquals("OF: /pcie@40000000: Error: Bad iommu-map length: 20", m.logLine());
    }

    @Test
    void noMapProperty() {
        Dts d = bridge("msi-map = <0x0 &smmu 0x0 0x10>;");
        assertEquals(IdMapping.Kind.NO_MAP_PROPERTY, map(d, 0).kind());
        assertEquals(IdMapping.Kind.MAPPED, d.graph.mapId(d.node("/pcie@40000000"), "msi-map", 3).kind());
    }

    @Test
    void severalEntriesFirstWins() {
        Dts d = bridge("iommu-map = <0x0 &smmu 0x100 0x80>, <0x40 &smmu2 0x900 0x80>;");
        IdMapping m = map(d, 0x50);
        assertSame(d.node("/iommu@1000"), m.target());
        assertEquals(0x150, m.id());
        IdMapping second = map(d, 0x90);
        assertSame(d.node("/iommu@2000"), second.target());
        assertEquals(0x950, second.id());
        // a caller asking for smmu2 only sees its entries
        IdMapping wanted = d.graph.mapId(d.node("/pcie@40000000"), "iommu-map", 0x50, d.node("/iommu@2000"));
        assertEquals(0x910, wanted.id());
    }

    @Test
    void s24FslMcIcidRange() {
        Dts d = bridge("iommu-map = <0x17 &smmu 0x17 0x10>;");
        assertEquals(0x20, map(d, 0x20).id());
        assertEquals(IdMapping.Kind.MAPPED, map(d, 0x26).kind());
        assertEquals(IdMapping.Kind.NO_TRANSLATION, map(d, 0x27).kind());
        assertEquals(IdMapping.Kind.NO_TRANSLATION, map(d, 0x16).kind());
    }
}
