package dev.dtprobe.frontend.dts;

import dev.dtprobe.diag.SourcePos;

/** Maps an offset in the text the parser reads back to the original file, line and column. */
@FunctionalInterface
public interface SourceMapping {
    SourcePos posAt(int offset);

    /** A mapping for text that is itself the original file (no preprocessing). */
    static SourceMapping identity(String file, String text) {
        int[] lineStarts = LineIndex.lineStarts(text);
        return offset -> LineIndex.pos(file, lineStarts, offset);
    }
}
