package dev.dtprobe.frontend.cpp;

import dev.dtprobe.diag.InputException;
import java.util.ArrayList;

/**
 * Parses the tokens of a {@code #define} (or a {@code -D} option) into a {@link Macro}, with
 * cpp's error messages: parameter list, {@code #} before parameters, {@code ##} placement.
 */
final class MacroDefinition {

    /** Builds the error for a token of the definition (null: the directive as a whole). */
    interface Errors {
        InputException at(Token token, String message);
    }

    private MacroDefinition() {
    }

    /**
     * @param t   tokens holding the definition in {@code [s, e)}: name, parameters, body
     * @param dir the {@code define} directive token, or null for a command-line {@code -D}
     */
    static Macro parse(Token[] t, int s, int e, Token dir, Errors errors) {
        if (s >= e) {
            throw dir == null ? errors.at(null, "macro names must be identifiers")
                    : errors.at(dir, "no macro name given in #define directive");
        }
        Token nm = t[s];
        if (nm.type != Token.IDENT) {
            throw errors.at(nm, "macro names must be identifiers");
        }
        if (nm.text.equals("defined")) {
            throw errors.at(nm, "\"defined\" cannot be used as a macro name");
        }
        int i = s + 1;
        boolean fun = false;
        boolean variadic = false;
        ArrayList<String> params = null;
        if (i < e && t[i].isPunct('(') && !t[i].has(Token.PREV_WHITE)) {
            fun = true;
            params = new ArrayList<>(4);
            i++;
            if (i < e && t[i].isPunct(')')) {
                i++;
            } else {
                for (;;) {
                    if (i >= e) {
                        throw errors.at(nm, "missing ')' in macro parameter list");
                    }
                    Token p = t[i];
                    if (p.isPunct("...")) {
                        variadic = true;
                        params.add("__VA_ARGS__");
                        i++;
                        if (i >= e || !t[i].isPunct(')')) {
                            throw errors.at(i < e ? t[i] : p, "missing ')' in macro parameter list");
                        }
                        i++;
                        break;
                    }
                    if (p.type != Token.IDENT) {
                        throw errors.at(p, "expected parameter name, found \"" + p.text + "\"");
                    }
                    if (params.contains(p.text)) {
                        throw errors.at(p, "duplicate macro parameter \"" + p.text + "\"");
                    }
                    params.add(p.text);
                    i++;
                    if (i < e && t[i].isPunct("...")) {
                        variadic = true;
                        i++;
                        if (i >= e || !t[i].isPunct(')')) {
                            throw errors.at(i < e ? t[i] : p, "missing ')' in macro parameter list");
                        }
                        i++;
                        break;
                    }
                    if (i < e && t[i].isPunct(')')) {
                        i++;
                        break;
                    }
                    if (i < e && t[i].isPunct(',')) {
                        i++;
                        continue;
                    }
                    throw errors.at(i < e ? t[i] : p,
                            "expected ',' or ')', found \"" + (i < e ? t[i].text : "") + "\"");
                }
            }
        }
        ArrayList<Token> body = new ArrayList<>(Math.max(4, e - i));
        for (; i < e; i++) {
            Token b = t[i];
            int fl = b.flags & ~Token.BOL;
            if (body.isEmpty()) {
                fl &= ~Token.PREV_WHITE;
            }
            if (fun && b.type == Token.IDENT) {
                int pi = params.indexOf(b.text);
                b = pi >= 0 ? new Token(Token.ARG, b.text, fl, b.line, b.col, pi, null) : b.withFlags(fl);
            } else {
                b = b.withFlags(fl);
            }
            if (b.type == Token.PUNCT && b.text.equals("##")) {
                if (body.isEmpty()) {
                    throw errors.at(t[i], "'##' cannot appear at either end of a macro expansion");
                }
                int k = body.size() - 1;
                Token l = body.get(k);
                body.set(k, l.withFlags(l.flags | Token.PASTE_LEFT));
                if (i + 1 >= e) {
                    throw errors.at(t[i], "'##' cannot appear at either end of a macro expansion");
                }
                continue;
            }
            if (fun && b.type == Token.ARG && !body.isEmpty()) {
                int k = body.size() - 1;
                Token h = body.get(k);
                if (h.type == Token.PUNCT && h.text.equals("#") && !h.has(Token.PASTE_LEFT)
                        && (k == 0 || !body.get(k - 1).has(Token.PASTE_LEFT))) {
                    body.remove(k);
                    int nf = (b.flags & ~Token.PREV_WHITE) | Token.STRINGIFY | (h.flags & Token.PREV_WHITE);
                    b = b.withFlags(nf);
                }
            }
            body.add(b);
        }
        return new Macro(nm.text, fun, fun ? params.size() : 0, variadic, body.toArray(new Token[0]),
                Macro.NORMAL);
    }
}
