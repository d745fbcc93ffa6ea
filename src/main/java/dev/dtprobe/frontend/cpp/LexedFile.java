package dev.dtprobe.frontend.cpp;

/** Result of lexing one file: its tokens, or the first lexical error. */
final class LexedFile {
    final Token[] tokens;
    final int errLine;
    final int errCol;
    final String errMessage;

    LexedFile(Token[] tokens, int errLine, int errCol, String errMessage) {
        this.tokens = tokens;
        this.errLine = errLine;
        this.errCol = errCol;
        this.errMessage = errMessage;
    }
}
