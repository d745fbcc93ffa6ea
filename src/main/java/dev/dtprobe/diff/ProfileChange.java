package dev.dtprobe.diff;

/** A kernel profile setting that differs: {@code what} was {@code before} in A, {@code after} in B. */
public record ProfileChange(String what, String before, String after) {

    public String describe() {
        return what + ": " + before + " -> " + after;
    }
}
