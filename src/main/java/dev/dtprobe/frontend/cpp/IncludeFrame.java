package dev.dtprobe.frontend.cpp;

import java.nio.file.Path;

/** A file being read: its tokens, read position, name as cpp prints it, and #line offset. */
final class IncludeFrame {
    final Token[] toks;
    final int n;
    int idx;
    final Path path;
    final int dirIndex;
    int fileId;
    String name;
    int lineDelta;
    final int condBase;

    IncludeFrame(Token[] toks, Path path, String name, int fileId, int dirIndex, int condBase) {
        this.toks = toks;
        this.n = toks.length;
        this.path = path;
        this.name = name;
        this.fileId = fileId;
        this.dirIndex = dirIndex;
        this.condBase = condBase;
    }
}
