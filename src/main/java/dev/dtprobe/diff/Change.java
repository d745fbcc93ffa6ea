package dev.dtprobe.diff;

/**
 * One value that differs between the boots: {@code what} was {@code before} in A and is
 * {@code after} in B.
 */
public record Change(Category category, String what, String before, String after) {

    public String describe() {
        return what + ": " + before + " -> " + after;
    }
}
