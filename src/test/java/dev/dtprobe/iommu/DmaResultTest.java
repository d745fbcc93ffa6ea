package dev.dtprobe.iommu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dtprobe.translate.pgtable.TranslatorResult;
import dev.dtprobe.translate.pgtable.Xlate;
import dev.dtprobe.translate.xen.GrantFault;
import dev.dtprobe.translate.xen.GrantTranslation;
import org.junit.jupiter.api.Test;

class DmaResultTest {
    @Test
    void commonPartOfEveryTranslatorResult() {
        TranslatorResult ok = new GrantTranslation.Ok(0x8000_0000_0000_1010L, 0x4_5010L, Xlate.R, 4096, 1, 0x10);
        assertEquals("PA 0x45010 (r-, 4K page)", DmaResult.of(ok, () -> "unused").render());
        TranslatorResult fault = new GrantTranslation.Fault(0x1000, GrantFault.NOT_GRANT_ADDRESS, 0, false, "x");
        assertEquals("fault: the record", DmaResult.of(fault, () -> "the record").render());
    }
}
