package dev.dtprobe.frontend.overlay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dtprobe.frontend.LoadOptions;
import dev.dtprobe.frontend.TreeLoader;
import dev.dtprobe.frontend.dtb.DtbWriter;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compiler's {@code -@} and {@code /plugin/} output against dtc 1.6.1: every DTS under
 * {@code src/test/resources/overlay/compiler} and {@code .../overlay/cases}, compiled by dtprobe
 * with and without {@code -@}, must give exactly the bytes of {@code dtc [-@] -I dts -O dtb}.
 */
class SymbolsPluginCompileOracleTest {
    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> compileLikeDtc() throws IOException, URISyntaxException {
        assumeTrue(Tools.available(), "dtc 1.6.1 not installed");
        List<Path> inputs = new ArrayList<>();
        for (String dir : List.of("/overlay/compiler", "/overlay/cases")) {
            Path root = Path.of(getClass().getResource(dir).toURI());
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(p -> p.toString().endsWith(".dts")).sorted().forEach(inputs::add);
            }
        }
        assertFalse(inputs.isEmpty());
        List<DynamicTest> tests = new ArrayList<>();
        Path resources = Path.of(getClass().getResource("/overlay").toURI());
        for (Path in : inputs) {
            for (boolean symbols : new boolean[] {false, true}) {
                String name = resources.relativize(in) + (symbols ? " -@" : "");
                tests.add(DynamicTest.dynamicTest(name, () -> check(in, symbols)));
            }
        }
        return tests.stream();
    }

    private void check(Path in, boolean symbols) throws IOException {
        Path out = Files.createTempFile(tmp, "dtc", ".dtb");
        Tools.Result r = Tools.run(symbols
                ? List.of("dtc", "-@", "-I", "dts", "-O", "dtb", "-o", out.toString(), in.toString())
                : List.of("dtc", "-I", "dts", "-O", "dtb", "-o", out.toString(), in.toString()));
        assertEquals(0, r.status(), "dtc failed: " + r.err());
        TreeLoader loader = new TreeLoader(new LoadOptions(List.of(in.getParent()), List.of(), List.of(), symbols, null));
        byte[] actual = DtbWriter.write(loader.load(in).tree());
        byte[] expected = Files.readAllBytes(out);
        if (!java.util.Arrays.equals(expected, actual)) {
            assertEquals(Tools.decompile(out), Tools.decompile(actual, tmp), "DTB differs from dtc's for " + in);
        }
        assertArrayEquals(expected, actual, "DTB differs from dtc's (same DTS text) for " + in);
    }
}
