package dev.dtprobe.frontend.cpp;

/** Tokens being read from a macro expansion or a macro argument, as cpp's context stack holds them. */
final class ExpansionContext {
    final Token[] toks;
    int pos;
    final int end;
    final Macro macro;
    final boolean isArg;

    ExpansionContext(Token[] toks, int end, Macro macro, boolean isArg) {
        this.toks = toks;
        this.end = end;
        this.macro = macro;
        this.isArg = isArg;
    }
}
