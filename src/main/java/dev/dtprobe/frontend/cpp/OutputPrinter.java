package dev.dtprobe.frontend.cpp;

/**
 * Writes preprocessed tokens as gcc's cpp prints them (a space where the source had white space
 * or where two tokens would otherwise paste together) and records, for every token, where it
 * came from in a {@link SegmentMap}.
 */
final class OutputPrinter {
    private final StringBuilder out = new StringBuilder(1 << 16);
    private final SegmentMap map = new SegmentMap();
    private Token prev;
    private Token source;
    private boolean avoidPaste;

    SegmentMap map() {
        return map;
    }

    String text() {
        return out.toString();
    }

    /** Prints a token read straight from a file, at its (line-directive adjusted) line. */
    void printFromFile(Token t, int fileId, int line) {
        if (emit(t)) {
            map.add(out.length(), fileId, line, t.col, false);
            out.append(t.text);
        }
    }

    /** Prints a token produced by macro expansion, positioned at the outermost macro's use. */
    void printFromMacro(Token t, int fileId, int line, int col) {
        if (emit(t)) {
            map.add(out.length(), fileId, line, col, true);
            out.append(t.text);
        }
    }

    /** Ends the current output line (a new source line starts). */
    void lineChange() {
        int len = out.length();
        if (len > 0 && out.charAt(len - 1) != '\n') {
            out.append('\n');
        }
        prev = null;
        source = null;
    }

    /** Ends the output with a newline, as cpp does. */
    void finish() {
        int len = out.length();
        if (len > 0 && out.charAt(len - 1) != '\n') {
            out.append('\n');
        }
    }

    /** Handles padding and the separating space; true if {@code t} itself is to be written. */
    private boolean emit(Token t) {
        if (t.type == Token.PADDING) {
            avoidPaste = true;
            if (source == null || (!source.has(Token.PREV_WHITE) && t.source == null)) {
                source = t.source;
            }
            return false;
        }
        boolean space;
        if (avoidPaste) {
            Token s = source == null ? t : source;
            space = s.has(Token.PREV_WHITE) || (prev != null && Paste.avoid(prev, t))
                    || (prev == null && t.isPunct('#'));
        } else {
            space = t.has(Token.PREV_WHITE);
        }
        if (space) {
            out.append(' ');
        }
        avoidPaste = false;
        source = null;
        prev = t;
        return true;
    }
}
