package dev.dtprobe.frontend.cpp;

import dev.dtprobe.diag.SourcePos;

/** One open #if/#ifdef group: where it started, whether a branch was taken, whether #else was seen. */
final class Conditional {
    final SourcePos pos;
    String kind;
    final boolean wasSkipping;
    boolean taken;
    boolean sawElse;

    Conditional(SourcePos pos, String kind, boolean wasSkipping) {
        this.pos = pos;
        this.kind = kind;
        this.wasSkipping = wasSkipping;
    }
}
