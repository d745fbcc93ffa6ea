package dev.dtprobe.diag;

/**
 * A position in an original input file (never in a temporary or preprocessed file).
 * Lines and columns count from 1; a column of 0 means "whole line".
 */
public record SourcePos(String file, int line, int column) {

    public static final SourcePos UNKNOWN = new SourcePos("<unknown>", 0, 0);

    public static SourcePos ofFile(String file) {
        return new SourcePos(file, 0, 0);
    }

    /** Formats as {@code file:line:col}, dropping parts that are unknown, the way gcc does. */
    @Override
    public String toString() {
        if (line <= 0) {
            return file;
        }
        return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }
}
