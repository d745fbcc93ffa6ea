package dev.dtprobe.frontend.cpp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;

/**
 * Turns source text into preprocessing tokens the way GNU cpp does in assembler-with-cpp mode:
 * comments become whitespace, line splices vanish, unterminated quotes become one "other"
 * token running to the end of the line.
 */
final class Lexer {
    private final char[] buf;
    private final int n;
    private final int[] mapLine; // original line/col per char when splices were removed
    private final int[] mapCol;
    private int line = 1;
    private int lineStart = 0;
    private final ArrayList<Token> out = new ArrayList<>();
    private final HashMap<String, String> intern;

    private Lexer(char[] buf, int n, int[] mapLine, int[] mapCol, HashMap<String, String> intern) {
        this.buf = buf;
        this.n = n;
        this.mapLine = mapLine;
        this.mapCol = mapCol;
        this.intern = intern;
    }

    static LexedFile lex(String text) {
        return lex(text, new HashMap<>());
    }

    static LexedFile lex(String text, HashMap<String, String> intern) {
        char[] src = text.toCharArray();
        int len = src.length;
        boolean splices = false;
        for (int i = 0; i < len; i++) {
            if (src[i] == '\\' && spliceLen(src, len, i) > 0) {
                splices = true;
                break;
            }
        }
        Lexer lx;
        if (!splices) {
            lx = new Lexer(src, len, null, null, intern);
        } else {
            char[] b = new char[len];
            int[] ml = new int[len + 1];
            int[] mc = new int[len + 1];
            int o = 0, ln = 1, ls = 0;
            for (int i = 0; i < len;) {
                char c = src[i];
                int sl;
                if (c == '\\' && (sl = spliceLen(src, len, i)) > 0) {
                    i += sl;
                    ln++;
                    ls = i;
                    continue;
                }
                b[o] = c;
                ml[o] = ln;
                mc[o] = i - ls + 1;
                o++;
                i++;
                if (c == '\n') {
                    ln++;
                    ls = i;
                }
            }
            ml[o] = ln;
            mc[o] = len - ls + 1;
            lx = new Lexer(b, o, ml, mc, intern);
        }
        try {
            lx.run();
            return new LexedFile(lx.out.toArray(new Token[0]), 0, 0, null);
        } catch (LexError e) {
            return new LexedFile(lx.out.toArray(new Token[0]), e.line, e.col, e.getMessage());
        }
    }

    /** Length of a line splice (backslash, optional blanks, newline) at i, or 0. */
    private static int spliceLen(char[] s, int len, int i) {
        int j = i + 1;
        while (j < len && (s[j] == ' ' || s[j] == '\t')) {
            j++;
        }
        if (j < len && s[j] == '\n') {
            return j + 1 - i;
        }
        if (j + 1 < len && s[j] == '\r' && s[j + 1] == '\n') {
            return j + 2 - i;
        }
        return 0;
    }

    private static final class LexError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int line;
        final int col;

        LexError(int line, int col, String msg) {
            super(msg, null, false, false);
            this.line = line;
            this.col = col;
        }
    }

    private int lineOf(int i) {
        return mapLine != null ? mapLine[i] : line;
    }

    private int colOf(int i) {
        return mapCol != null ? mapCol[i] : i - lineStart + 1;
    }

    static boolean identStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' || c >= 0x80;
    }

    static boolean identPart(char c) {
        return identStart(c) || (c >= '0' && c <= '9');
    }

    private String str(int s, int e) {
        String t = new String(buf, s, e - s);
        String old = intern.putIfAbsent(t, t);
        return old != null ? old : t;
    }

    private void run() {
        final char[] b = buf;
        int i = 0;
        int flags = Token.BOL;
        // header-name state: 0 none, 1 saw # at BOL, 2 saw include keyword
        int hdr = 0;
        while (i < n) {
            char c = b[i];
            if (c == '\n') {
                i++;
                line++;
                lineStart = i;
                flags = Token.BOL;
                hdr = 0;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0b) {
                i++;
                flags |= Token.PREV_WHITE;
                continue;
            }
            if (c == '/' && i + 1 < n) {
                char d = b[i + 1];
                if (d == '*') {
                    int sl = lineOf(i), sc = colOf(i);
                    int j = i + 2;
                    for (;;) {
                        if (j + 1 >= n) {
                            throw new LexError(sl, sc, "unterminated comment");
                        }
                        char x = b[j];
                        if (x == '*' && b[j + 1] == '/') {
                            j += 2;
                            break;
                        }
                        if (x == '\n') {
                            line++;
                            lineStart = j + 1;
                        }
                        j++;
                    }
                    i = j;
                    flags |= Token.PREV_WHITE;
                    continue;
                }
                if (d == '/') {
                    int j = i + 2;
                    while (j < n && b[j] != '\n') {
                        j++;
                    }
                    i = j;
                    flags |= Token.PREV_WHITE;
                    continue;
                }
            }
            int start = i;
            int tl = lineOf(i), tc = colOf(i);
            byte type;
            if (identStart(c)) {
                i++;
                while (i < n && identPart(b[i])) {
                    i++;
                }
                type = Token.IDENT;
            } else if ((c >= '0' && c <= '9') || (c == '.' && i + 1 < n && b[i + 1] >= '0' && b[i + 1] <= '9')) {
                i++;
                while (i < n) {
                    char x = b[i];
                    if ((x == '+' || x == '-') && (b[i - 1] | 0x20) == 'e' || (x == '+' || x == '-') && (b[i - 1] | 0x20) == 'p') {
                        i++;
                    } else if (identPart(x) || x == '.') {
                        i++;
                    } else {
                        break;
                    }
                }
                type = Token.NUMBER;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                boolean closed = false;
                while (j < n) {
                    char x = b[j];
                    if (x == '\\' && j + 1 < n && b[j + 1] != '\n') {
                        j += 2;
                        continue;
                    }
                    if (x == '\n') {
                        break;
                    }
                    j++;
                    if (x == c) {
                        closed = true;
                        break;
                    }
                }
                if (!closed) {
                    // assembler mode: the rest of the line is one "other" token
                    while (j > i + 1 && (b[j - 1] == '\r')) {
                        j--;
                    }
                    type = Token.OTHER;
                } else {
                    type = c == '"' ? Token.STRING : Token.CHAR;
                }
                i = j;
            } else if (c == '<' && hdr == 2) {
                int j = i + 1;
                while (j < n && b[j] != '>' && b[j] != '\n') {
                    j++;
                }
                if (j < n && b[j] == '>') {
                    i = j + 1;
                    type = Token.HEADER;
                } else {
                    i++;
                    type = Token.PUNCT;
                }
            } else {
                i += punctLen(b, i, n);
                type = (c == '@' || c == '\\' || c == '`' || c < 0x20 || c == 0x7f) ? Token.OTHER : Token.PUNCT;
            }
            String text = str(start, i);
            out.add(new Token(type, text, flags, tl, tc, -1, null));
            // header-name context tracking
            if ((flags & Token.BOL) != 0) {
                hdr = (type == Token.PUNCT && text.equals("#")) ? 1 : 0;
            } else if (hdr == 1) {
                hdr = (type == Token.IDENT && (text.equals("include") || text.equals("include_next")
                        || text.equals("import"))) ? 2 : 0;
            } else {
                hdr = 0;
            }
            flags = 0;
        }
    }

    private static int punctLen(char[] b, int i, int n) {
        char c = b[i];
        char d = i + 1 < n ? b[i + 1] : 0;
        char e = i + 2 < n ? b[i + 2] : 0;
        switch (c) {
            case '.':
                return (d == '.' && e == '.') ? 3 : 1;
            case '<':
                if (d == '<') {
                    return e == '=' ? 3 : 2;
                }
                return d == '=' ? 2 : 1;
            case '>':
                if (d == '>') {
                    return e == '=' ? 3 : 2;
                }
                return d == '=' ? 2 : 1;
            case '-':
                return (d == '-' || d == '=' || d == '>') ? 2 : 1;
            case '+':
                return (d == '+' || d == '=') ? 2 : 1;
            case '&':
                return (d == '&' || d == '=') ? 2 : 1;
            case '|':
                return (d == '|' || d == '=') ? 2 : 1;
            case '#':
                return d == '#' ? 2 : 1;
            case '=': case '!': case '*': case '/': case '%': case '^':
                return d == '=' ? 2 : 1;
            default:
                return 1;
        }
    }

    /** Lexes a short string (macro-pasted spelling, command-line define) into tokens. */
    static Token[] lexFragment(String s) {
        LexedFile lf = lex(s);
        return lf.errMessage != null ? null : lf.tokens;
    }

    static Token[] copyOf(Token[] t) {
        return Arrays.copyOf(t, t.length);
    }
}
