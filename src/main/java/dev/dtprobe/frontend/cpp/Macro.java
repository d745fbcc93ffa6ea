package dev.dtprobe.frontend.cpp;

/** A macro definition (per run: carries the "disabled while expanding" flag). */
final class Macro {
    static final int NORMAL = 0, B_FILE = 1, B_LINE = 2, B_COUNTER = 3, B_INCLUDE_LEVEL = 4,
            B_BASE_FILE = 5, B_DATE = 6, B_TIME = 7;

    final String name;
    final boolean funLike;
    final int paramCount;
    final boolean variadic;
    final Token[] body;
    final int builtin;
    boolean disabled;

    Macro(String name, boolean funLike, int paramCount, boolean variadic, Token[] body, int builtin) {
        this.name = name;
        this.funLike = funLike;
        this.paramCount = paramCount;
        this.variadic = variadic;
        this.body = body;
        this.builtin = builtin;
    }
}
