package dev.dtprobe.frontend.cpp;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.dtprobe.diag.InputException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Random token soup never escapes as anything but InputException, and never as an internal error. */
class RandomInputTest {
    private static final String[] PIECES = {"#define ", "#undef ", "#if ", "#ifdef ", "#elif ", "#else", "#endif",
        "#include ", "#", "##", "(", ")", ",", "...", "__VA_ARGS__", "A", "B", "f", "g", "x", "1", "0x1f", "'a'",
        "'", "\"s\"", "\"", "/*", "*/", "//", "\\\n", "\n", " ", "\t", "defined", "+", "-", "<<", "?", ":", "/include/",
        "__LINE__", "__FILE__", "@", "&", "<", ">", "#error", "#line ", "1e+5", "$"};

    @Test
    @Timeout(60)
    void randomSoup() {
        Random r = new Random(12345);
        Preprocessor p = new Preprocessor(new PreprocessorOptions(List.of(), List.of("__DTS__"), List.of()),
                new SourceCache());
        for (int i = 0; i < 20000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + r.nextInt(40);
            for (int k = 0; k < n; k++) {
                sb.append(PIECES[r.nextInt(PIECES.length)]);
                if (r.nextInt(4) == 0) {
                    sb.append('\n');
                }
            }
            String src = sb.toString();
            try {
                PreprocessedSource ps = p.process("r.dts", src);
                for (int o = 0; o < ps.text().length(); o++) {
                    ps.posAt(o);
                }
            } catch (InputException e) {
                assertFalse(e.getMessage().startsWith("internal"), () -> e.render() + " for input:\n" + src);
            }
        }
    }
}
