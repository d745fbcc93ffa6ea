package dev.dtprobe.frontend.cpp;

import java.util.List;

/** Spelling tokens as string literals: the {@code #} operator and {@code __FILE__}'s quoting. */
final class Stringify {
    private Stringify() {
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        appendEscaped(sb, s);
        return sb.append('"').toString();
    }

    /** The escaping of the {@code #} operator: backslash before quotes and backslashes, newlines as \n. */
    private static void appendEscaped(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            if (c == '\n') {
                sb.append("\\n");
                continue;
            }
            sb.append(c);
        }
    }

    /** The {@code #} operator: the spelling of {@code raw} as one string literal token. */
    static Token tokens(List<Token> raw) {
        StringBuilder sb = new StringBuilder().append('"');
        Token src = null;
        boolean first = true;
        for (Token t : raw) {
            if (t.type == Token.PADDING) {
                if (src == null || (!src.has(Token.PREV_WHITE) && t.source == null)) {
                    src = t.source;
                }
                continue;
            }
            if (!first) {
                Token s = src == null ? t : src;
                if (s.has(Token.PREV_WHITE)) {
                    sb.append(' ');
                }
            }
            src = null;
            first = false;
            if (t.type == Token.STRING || t.type == Token.CHAR) {
                appendEscaped(sb, t.text);
            } else {
                sb.append(t.text);
            }
        }
        // drop a trailing unescaped backslash (invalid string otherwise)
        int bs = 0;
        for (int i = sb.length() - 1; i > 0 && sb.charAt(i) == '\\'; i--) {
            bs++;
        }
        if ((bs & 1) == 1) {
            sb.setLength(sb.length() - 1);
        }
        sb.append('"');
        return new Token(Token.STRING, sb.toString(), 0, 0, 0, -1, null);
    }

    /** The single token {@code s} lexes to, or null (a paste that does not form one token). */
    static Token lexOne(String s) {
        LexedFile lf = Lexer.lex(s);
        if (lf.errMessage != null || lf.tokens.length != 1) {
            return null;
        }
        Token t = lf.tokens[0];
        if (t.has(Token.PREV_WHITE) || t.type == Token.OTHER && s.length() > 1) {
            return null;
        }
        return t;
    }
}
