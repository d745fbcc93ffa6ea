package dev.dtprobe.frontend.cpp;

import dev.dtprobe.diag.Diagnostic;
import dev.dtprobe.diag.SourcePos;
import java.nio.file.Path;
import java.util.List;

/** Output of the preprocessor: the text dtc's lexer would read and a map back to the sources. */
public final class PreprocessedSource {
    private final String text;
    private final SegmentMap map;
    private final List<Path> files;
    private final List<Diagnostic> diagnostics;

    PreprocessedSource(String text, SegmentMap map, List<Path> files, List<Diagnostic> diagnostics) {
        this.text = text;
        this.map = map;
        this.files = List.copyOf(files);
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** The preprocessed text (no line markers). */
    public String text() {
        return text;
    }

    /**
     * Original {@code file:line:column} of the character at {@code offset} of {@link #text()}.
     * Text produced by a macro expansion maps to the macro name of the outermost invocation.
     */
    public SourcePos posAt(int offset) {
        return map.posAt(offset);
    }

    /** Every file read (main file, #includes, /include/s), in first-read order, as found. */
    public List<Path> files() {
        return files;
    }

    /** {@code #warning} messages (severity WARNING), in order. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
