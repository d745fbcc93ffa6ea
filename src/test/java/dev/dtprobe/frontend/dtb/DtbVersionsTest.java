package dev.dtprobe.frontend.dtb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dtprobe.tree.DeviceTree;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Older blob versions, made by {@code dtc -V N} from src/test/resources/dtb/versions.dts, read to
 * the same tree as the version 17 blob (dtc -I dtb -O dtb gives the same bytes for them).
 */
class DtbVersionsTest {

    static byte[] resource(String name) throws IOException {
        try (InputStream in = DtbVersionsTest.class.getResourceAsStream("/dtb/" + name)) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 16, 17})
    void olderVersionsReadLikeV17(int version) throws IOException {
        byte[] v17 = resource("versions-v17.dtb");
        DeviceTree t = DtbReader.read(resource("versions-v" + version + ".dtb"), "v" + version);
        if (version == 1) {
            assertEquals(0, t.bootCpuidPhys()); // no boot_cpuid_phys field before version 2
            t.setBootCpuidPhys(2);
        }
        assertArrayEquals(v17, DtbWriter.write(t));
        assertEquals(t.nodeByPhandle(1), t.nodeAtPath("/soc/clock"));
    }
}
