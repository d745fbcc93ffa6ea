package dev.dtprobe.frontend.cpp;

/** An immutable preprocessing token (shared between runs through the {@link SourceCache}). */
final class Token {
    static final byte IDENT = 1, NUMBER = 2, STRING = 3, CHAR = 4, PUNCT = 5, OTHER = 6, HEADER = 7,
            EOF = 8, PADDING = 9, ARG = 10;

    static final int PREV_WHITE = 1, BOL = 2, NO_EXPAND = 4, PASTE_LEFT = 8, STRINGIFY = 16;

    static final Token EOF_TOKEN = new Token(EOF, "", 0, 0, 0, -1, null);
    /** Padding without a source: "avoid paste" marker. */
    static final Token AVOID_PASTE = new Token(PADDING, "", 0, 0, 0, -1, null);

    final byte type;
    final String text;
    final int flags;
    final int line;
    final int col;
    /** Parameter index for {@link #ARG} tokens. */
    final int arg;
    /** For {@link #PADDING}: the token whose whitespace the padding stands for (may be null). */
    final Token source;

    Token(byte type, String text, int flags, int line, int col, int arg, Token source) {
        this.type = type;
        this.text = text;
        this.flags = flags;
        this.line = line;
        this.col = col;
        this.arg = arg;
        this.source = source;
    }

    static Token padding(Token source) {
        return new Token(PADDING, "", 0, 0, 0, -1, source);
    }

    Token withFlags(int f) {
        return f == flags ? this : new Token(type, text, f, line, col, arg, source);
    }

    boolean has(int flag) {
        return (flags & flag) != 0;
    }

    boolean isPunct(char c) {
        return type == PUNCT && text.length() == 1 && text.charAt(0) == c;
    }

    boolean isPunct(String s) {
        return type == PUNCT && text.equals(s);
    }

    @Override
    public String toString() {
        return type == PADDING ? "<pad>" : text;
    }
}
