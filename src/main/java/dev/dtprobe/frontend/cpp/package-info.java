/**
 * Built-in C preprocessor for DTS files: emulates {@code cpp -nostdinc -I... -undef -D__DTS__
 * -x assembler-with-cpp} token for token (GNU cpp 12 semantics incl. output spacing), then splices
 * dtc's own {@code /include/} files. Entry point: {@link dev.dtprobe.frontend.cpp.Preprocessor}.
 *
 * <p>Design: files are lexed once into immutable token arrays held by the shared
 * {@link dev.dtprobe.frontend.cpp.SourceCache}; each run walks those arrays with a libcpp-like
 * context stack (padding tokens, "disabled" macros and NO_EXPAND painting), and prints tokens with
 * cpp's avoid-paste spacing rules while recording a segment map for {@code posAt}.
 */
package dev.dtprobe.frontend.cpp;
