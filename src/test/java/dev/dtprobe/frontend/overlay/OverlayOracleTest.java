package dev.dtprobe.frontend.overlay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dtprobe.diag.InputException;
import dev.dtprobe.frontend.LoadOptions;
import dev.dtprobe.frontend.TreeLoader;
import dev.dtprobe.frontend.dtb.DtbWriter;
import dev.dtprobe.frontend.dts.DtsWriter;
import dev.dtprobe.tree.DeviceTree;
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
 * Overlay application against fdtoverlay: each case directory under
 * {@code src/test/resources/overlay/cases} holds {@code base.dts} and {@code overlay*.dts}
 * (applied in name order). Base and overlays are compiled by dtprobe and by dtc ({@code -@}
 * unless the case's {@code flags} file says {@code base-no-symbols} / {@code overlay-no-symbols});
 * dtprobe's DTBs must equal dtc's byte for byte, and the tree OverlayApplier makes must decompile
 * ({@code dtc -I dtb -O dts}, unsorted) to exactly what fdtoverlay's output decompiles to, both
 * when the inputs are dtprobe-compiled DTS trees and when they are dtc's DTBs read back.
 */
class OverlayOracleTest {
    @TempDir
    Path tmp;

    static Path casesDir() {
        try {
            return Path.of(OverlayOracleTest.class.getResource("/overlay/cases").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> casesMatchFdtoverlay() throws IOException {
        assumeTrue(Tools.available(), "dtc 1.6.1 / fdtoverlay not installed");
        List<Path> cases;
        try (Stream<Path> s = Files.list(casesDir())) {
            cases = s.filter(Files::isDirectory).sorted().toList();
        }
        assertFalse(cases.isEmpty());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> checkCase(c)));
    }

    private void checkCase(Path dir) throws IOException {
        String flags = Files.exists(dir.resolve("flags")) ? Files.readString(dir.resolve("flags")) : "";
        boolean baseSymbols = !flags.contains("base-no-symbols");
        boolean overlaySymbols = !flags.contains("overlay-no-symbols");
        List<Path> overlays;
        try (Stream<Path> s = Files.list(dir)) {
            overlays = s.filter(p -> p.getFileName().toString().matches("overlay.*\\.dts")).sorted().toList();
        }
        Path work = Files.createDirectories(tmp.resolve(dir.getFileName().toString()));
        if (flags.contains("fdtoverlay-fails")) {
            checkBothFail(dir.resolve("base.dts"), baseSymbols, overlays, overlaySymbols, List.of(dir), work);
        } else {
            check(dir.resolve("base.dts"), baseSymbols, overlays, overlaySymbols, List.of(dir), work);
        }
    }

    /**
     * fdtoverlay refuses the last overlay: OverlayApplier must throw an InputException too and
     * leave the base tree as it was before that overlay. Returns the exception.
     */
    static InputException checkBothFail(Path baseDts, boolean baseSymbols, List<Path> overlayDts,
            boolean overlaySymbols, List<Path> includes, Path work) throws IOException {
        Path baseDtb = work.resolve("base.dtb");
        Tools.dtcCompile(baseDts, baseDtb, baseSymbols);
        List<Path> dtbos = new ArrayList<>();
        for (Path o : overlayDts) {
            Path dtbo = work.resolve(o.getFileName().toString().replace(".dts", ".dtbo"));
            Tools.dtcCompile(o, dtbo, overlaySymbols);
            dtbos.add(dtbo);
        }
        Tools.Result r = Tools.fdtoverlay(baseDtb, work.resolve("out.dtb"), dtbos);
        assertNotEquals(0, r.status(), "fdtoverlay was expected to fail");
        if (dtbos.size() > 1) {
            assertEquals(0, Tools.fdtoverlay(baseDtb, work.resolve("out.dtb"), dtbos.subList(0, dtbos.size() - 1))
                    .status(), "fdtoverlay fails before the last overlay");
        }

        InputException first = null;
        for (int pass = 0; pass < 2; pass++) {
            DeviceTree base;
            List<DeviceTree> overlays = new ArrayList<>();
            if (pass == 0) {
                base = new TreeLoader(new LoadOptions(includes, List.of(), List.of(), baseSymbols, null))
                        .load(baseDts).tree();
                TreeLoader ovLoader = new TreeLoader(new LoadOptions(includes, List.of(), List.of(),
                        overlaySymbols, null));
                for (Path o : overlayDts) {
                    overlays.add(ovLoader.load(o).tree());
                }
            } else {
                TreeLoader dtbLoader = new TreeLoader(LoadOptions.defaults());
                base = dtbLoader.load(baseDtb).tree();
                for (Path o : dtbos) {
                    overlays.add(dtbLoader.load(o).tree());
                }
            }
            for (int i = 0; i < overlays.size() - 1; i++) {
                OverlayApplier.apply(base, overlays.get(i), "overlay" + i);
            }
            byte[] before = DtbWriter.write(base);
            DeviceTree last = overlays.get(overlays.size() - 1);
            byte[] lastBefore = DtbWriter.write(last);
            InputException e = assertThrows(InputException.class,
                    () -> OverlayApplier.apply(base, last, overlayDts.get(overlayDts.size() - 1).toString()));
            assertArrayEquals(before, DtbWriter.write(base), "base changed by a failed application");
            assertArrayEquals(lastBefore, DtbWriter.write(last), "overlay changed by a failed application");
            if (first == null) {
                first = e;
            }
        }
        return first;
    }

    /** The whole oracle comparison for one base and its overlays; returns fdtoverlay's DTS. */
    static String check(Path baseDts, boolean baseSymbols, List<Path> overlayDts, boolean overlaySymbols,
            List<Path> includes, Path work) throws IOException {
        return check(baseDts, baseDts, baseSymbols, overlayDts, overlaySymbols, includes, work);
    }

    /**
     * @param dtcBaseInput what dtc compiles for the base (the preprocessed text for a board that
     *                     uses #include; else the DTS itself)
     */
    static String check(Path baseDts, Path dtcBaseInput, boolean baseSymbols, List<Path> overlayDts,
            boolean overlaySymbols, List<Path> includes, Path work) throws IOException {
        Path baseDtb = work.resolve("base.dtb");
        Tools.dtcCompile(dtcBaseInput, baseDtb, baseSymbols);
        List<Path> dtbos = new ArrayList<>();
        for (Path o : overlayDts) {
            Path dtbo = work.resolve(o.getFileName().toString().replace(".dts", ".dtbo"));
            Tools.dtcCompile(o, dtbo, overlaySymbols);
            dtbos.add(dtbo);
        }
        Path out = work.resolve("out.dtb");
        Tools.Result r = Tools.fdtoverlay(baseDtb, out, dtbos);
        assertEquals(0, r.status(), "fdtoverlay failed: " + r.err());
        String expected = Tools.decompile(out);

        // 1. dtprobe compiles the DTS sources
        TreeLoader baseLoader = new TreeLoader(new LoadOptions(includes, List.of(), List.of(), baseSymbols, null));
        DeviceTree base = baseLoader.load(baseDts).tree();
        assertArrayEquals(Files.readAllBytes(baseDtb), DtbWriter.write(base), "dtprobe's base DTB differs from dtc's");
        TreeLoader ovLoader = new TreeLoader(new LoadOptions(includes, List.of(), List.of(), overlaySymbols, null));
        for (int i = 0; i < overlayDts.size(); i++) {
            DeviceTree ov = ovLoader.load(overlayDts.get(i)).tree();
            assertArrayEquals(Files.readAllBytes(dtbos.get(i)), DtbWriter.write(ov),
                    "dtprobe's DTB of " + overlayDts.get(i).getFileName() + " differs from dtc's");
            OverlayApplier.apply(base, ov, overlayDts.get(i).toString());
        }
        assertEquals(expected, Tools.decompile(DtbWriter.write(base), work), "applied to dtprobe-compiled trees");
        checkPhandles(base);
        // the applied tree prints as DTS that compiles back to the same blob
        DeviceTree again = new TreeLoader(LoadOptions.defaults()).loadDts("applied.dts", DtsWriter.write(base)).tree();
        assertArrayEquals(DtbWriter.write(base), DtbWriter.write(again), "DtsWriter round trip of the applied tree");

        // 2. the same from dtc's blobs read back
        TreeLoader dtbLoader = new TreeLoader(LoadOptions.defaults());
        DeviceTree base2 = dtbLoader.load(baseDtb).tree();
        for (Path dtbo : dtbos) {
            OverlayApplier.apply(base2, dtbLoader.load(dtbo).tree(), dtbo.toString());
        }
        assertEquals(expected, Tools.decompile(DtbWriter.write(base2), work), "applied to DTBs read back");
        checkPhandles(base2);
        return expected;
    }

    /** Node.phandle() agrees with the phandle / linux,phandle property everywhere. */
    static void checkPhandles(DeviceTree tree) {
        tree.forEachLiveNode(n -> {
            var p = n.property("phandle");
            if (p == null) {
                p = n.property("linux,phandle");
            }
            long expected = p == null ? 0 : p.value().cellAt(0);
            assertEquals(expected, n.phandle(), "phandle of " + n.path());
        });
    }
}
