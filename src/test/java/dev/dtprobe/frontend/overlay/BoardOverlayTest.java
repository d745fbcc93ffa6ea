package dev.dtprobe.frontend.overlay;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dtprobe.testutil.Corpus;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real boards of the Linux v5.7 corpus compiled with {@code -@}, plus an overlay that targets
 * their labels: the base DTB must equal {@code cpp | dtc -@}'s, and the applied tree must
 * decompile exactly as fdtoverlay's output does. Skipped without {@code ../shared}.
 */
class BoardOverlayTest {
    private static final List<String> BOARDS = List.of(
            "rockchip/rk3399-rockpro64.dts",
            "allwinner/sun50i-a64-pine64-plus.dts",
            "amlogic/meson-g12b-odroid-n2.dts",
            "freescale/imx8mq-evk.dts");

    @TempDir
    Path tmp;

    static Path linux() {
        return Corpus.linux();
    }

    @TestFactory
    Stream<DynamicTest> boardsWithOverlay() {
        assumeTrue(Files.isDirectory(linux().resolve("src/arm64")), "../shared corpus absent");
        assumeTrue(Tools.available(), "dtc 1.6.1 / fdtoverlay not installed");
        return BOARDS.stream().map(b -> DynamicTest.dynamicTest(b, () -> check(b)));
    }

    private void check(String rel) throws IOException, URISyntaxException {
        Path board = linux().resolve("src/arm64").resolve(rel);
        List<Path> includes = List.of(board.getParent(), linux().resolve("src/arm64"), linux().resolve("include"),
                linux().resolve("src"));
        Path work = Files.createDirectories(tmp.resolve(rel.replace('/', '_')));
        Path pp = work.resolve("board.pp.dts");
        List<String> cpp = new java.util.ArrayList<>(List.of("cpp", "-nostdinc"));
        for (Path i : includes) {
            cpp.add("-I" + i);
        }
        cpp.addAll(List.of("-undef", "-D__DTS__", "-x", "assembler-with-cpp", board.toString(), "-o", pp.toString()));
        Tools.ok(cpp.toArray(String[]::new));
        Path overlay = Path.of(getClass().getResource("/overlay/boards/i2c-rtc-leds.dts").toURI());
        String out = OverlayOracleTest.check(board, pp, true, List.of(overlay), true, includes, work);
        assertTrue(out.contains("rtc@68") && out.contains("overlay-leds"), "overlay not applied?");
    }
}
