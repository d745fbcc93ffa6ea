package dev.dtprobe.frontend.cpp;

import dev.dtprobe.diag.InputException;
import dev.dtprobe.diag.SourcePos;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Built-in replacement for {@code cpp -nostdinc -I... -undef -D__DTS__ -x assembler-with-cpp},
 * followed by dtc's {@code /include/} splicing. Instances are immutable and thread-safe; each
 * {@code process} call is an independent run.
 */
public final class Preprocessor {
    private final PreprocessorOptions options;
    private final SourceCache cache;

    public Preprocessor(PreprocessorOptions options, SourceCache cache) {
        this.options = options == null ? new PreprocessorOptions(List.of(), List.of(), List.of()) : options;
        this.cache = cache == null ? new SourceCache() : cache;
    }

    public PreprocessorOptions options() {
        return options;
    }

    /** Preprocesses a DTS file like kbuild's cpp step, then splices dtc /include/ files. */
    public PreprocessedSource process(Path file) {
        SourceCache.Entry e = cache.get(file);
        if (e.text == null) {
            throw new InputException(SourcePos.ofFile(file.toString()), file + ": No such file or directory");
        }
        return run(file.toString(), file, e, true);
    }

    /** The cpp step only, without dtc /include/ splicing (for comparing with real cpp). */
    PreprocessedSource processCppOnly(Path file) {
        SourceCache.Entry e = cache.get(file);
        if (e.text == null) {
            throw new InputException(SourcePos.ofFile(file.toString()), file + ": No such file or directory");
        }
        return run(file.toString(), file, e, false);
    }

    /** Preprocesses text given directly (tests, stdin); relative includes resolve from displayName's directory. */
    public PreprocessedSource process(String displayName, String text) {
        Path p;
        try {
            p = Path.of(displayName);
        } catch (RuntimeException ex) {
            p = Path.of("stdin");
        }
        SourceCache.Entry e = new SourceCache.Entry(p.toAbsolutePath().normalize(), text);
        return run(displayName, p, e, true);
    }

    private PreprocessedSource run(String name, Path path, SourceCache.Entry entry, boolean splice) {
        CppRun r = new CppRun(options, cache);
        try {
            r.run(name, path, entry);
            LinkedHashSet<Path> files = new LinkedHashSet<>(r.files);
            DtcIncludes.Result spliced = splice
                    ? DtcIncludes.splice(r.printer.text(), r.map, options, cache, files)
                    : new DtcIncludes.Result(r.printer.text(), r.map);
            return new PreprocessedSource(spliced.text(), spliced.map(), new ArrayList<>(files), r.diagnostics);
        } catch (InputException ex) {
            throw ex;
        } catch (StackOverflowError | OutOfMemoryError ex) {
            throw new InputException(r.errorPos(), "macro expansion too deep or too large");
        } catch (RuntimeException ex) {
            throw new InputException(r.errorPos(), "internal preprocessor error: " + ex);
        }
    }
}
