package dev.dtprobe.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** §4.6 / S11: the generic parser's three errors, with the kernel's texts, and where each stops the walk. */
class ParseErrorsTest {

    private static Dts board(String iommuCells, String iommus) {
        return Dts.of("""
                / {
                    #address-cells = <1>; #size-cells = <1>;
                    soc {
                        #address-cells = <1>; #size-cells = <1>; ranges;
                        smmu: iommu@1000 { reg = <0x1000 0x100>; %s };
                        mmc@2000 { reg = <0x2000 0x100>; iommus = %s; };
                    };
                };
                """.formatted(iommuCells, iommus));
    }

    private static SpecifierList iommus(Dts d) {
        return d.graph.parse(d.node("/soc/mmc@2000"), "iommus", "#iommu-cells");
    }

    @Test
    void wellFormedList() {
        SpecifierList l = iommus(board("#iommu-cells = <1>;", "<&smmu 0x10>, <&smmu 0x11>"));
        assertNull(l.problem());
        assertEquals(2, l.entries().size());
        assertEquals("/soc/iommu@1000", l.entries().get(1).target().path());
        assertArrayEquals(new long[] {0x11}, l.entries().get(1).args());
    }

    @Test
    void s11aMissingCellsProperty() {
        SpecifierList l = iommus(board("", "<&smmu 0x10>"));
        assertEquals(0, l.entries().size());
        assertEquals(Problem.Kind.MISSING_CELLS, l.problem().kind());
        assertEquals("could not get #iommu-cells for /soc/iommu@1000", l.problem().message());
        assertEquals("OF: /soc/mmc@2000: could not get #iommu-cells for /soc/iommu@1000", l.problem().logLine());
    }

    @Test
    void s11bTooFewCells() {
        SpecifierList l = iommus(board("#iommu-cells = <2>;", "<&smmu 0x10>"));
        assertEquals(0, l.entries().size());
        assertEquals(Problem.Kind.TOO_FEW_CELLS, l.problem().kind());
        assertEquals("OF: /soc/mmc@2000: #iommu-cells = 2 found 1", l.problem().logLine());
    }

    @Test
    void s11cCellReadAsPhandle() {
        SpecifierList l = iommus(board("#iommu-cells = <0>;", "<&smmu 0x10>"));
        assertEquals(1, l.entries().size(), "entry 0 parses with no args");
        assertEquals(0, l.entries().get(0).args().length);
        assertEquals(Problem.Kind.UNKNOWN_PHANDLE, l.problem().kind());
        assertEquals(1, l.problem().index());
        assertEquals("OF: /soc/mmc@2000: could not find phandle 16", l.problem().logLine());
    }

    @Test
    void emptyEntryStopsSilently() {
        Dts d = board("#iommu-cells = <1>;", "<&smmu 1>, <0>, <&smmu 2>");
        SpecifierList l = iommus(d);
        assertEquals(1, l.entries().size());
        assertEquals(Problem.Kind.EMPTY_ENTRY, l.problem().kind());
        assertNull(l.problem().logLine());
        // a lookup by index skips an empty entry before it (of_parse_phandle_with_args(..., 2))
        assertArrayEquals(new long[] {2}, d.graph.parseAt(d.node("/soc/mmc@2000"), "iommus", "#iommu-cells", 2).args());
        assertNull(d.graph.parseAt(d.node("/soc/mmc@2000"), "iommus", "#iommu-cells", 1));
    }

    @Test
    void absentPropertyIsAnEmptyCompleteList() {
        Dts d = board("#iommu-cells = <1>;", "<&smmu 1>");
        SpecifierList l = d.graph.parse(d.node("/soc/iommu@1000"), "iommus", "#iommu-cells");
        assertEquals(0, l.entries().size());
        assertNull(l.problem());
    }
}
