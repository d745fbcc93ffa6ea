package dev.dtprobe.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.dtprobe.diag.InputException;
import dev.dtprobe.frontend.LoadOptions;
import dev.dtprobe.frontend.LoadedTree;
import dev.dtprobe.frontend.TreeLoader;
import dev.dtprobe.frontend.dtb.DtbReader;
import dev.dtprobe.frontend.dtb.DtbWriter;
import dev.dtprobe.frontend.dts.DtsWriter;
import dev.dtprobe.tree.DeviceTree;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz targets for the two ways untrusted bytes enter dtprobe. Any exception other than
 * {@link InputException} (or a hang, or a huge allocation) is a bug.
 *
 * <p>In a normal {@code mvn test} run Jazzer replays the seed corpus in
 * {@code src/test/resources/dev/dtprobe/fuzz/FrontendFuzzTestInputs/} (real files and
 * reduced crashers); {@code JAZZER_FUZZ=1} fuzzes for real (see docs/fuzzing.md).
 */
class FrontendFuzzTest {

    /** Preprocessor, lexer, parser, tree builder and fix-ups on arbitrary text. */
    @FuzzTest(maxDuration = "5m")
    void dtsSource(byte[] input) {
        String text = new String(input, StandardCharsets.ISO_8859_1);
        try {
            LoadedTree loaded = new TreeLoader(LoadOptions.defaults()).loadDts("fuzz.dts", text);
            DtbWriter.write(loaded.tree());
            DtsWriter.write(loaded.tree());
        } catch (InputException expected) {
            // bad input, reported cleanly
        }
    }

    /** The DTB reader on arbitrary bytes, and the writers on whatever it accepts. */
    @FuzzTest(maxDuration = "5m")
    void dtbBlob(byte[] input) {
        try {
            DeviceTree tree = DtbReader.read(input, "fuzz.dtb");
            DtbWriter.write(tree);
            DtsWriter.write(tree);
        } catch (InputException expected) {
            // bad input, reported cleanly
        }
    }
}
