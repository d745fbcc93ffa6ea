package dev.dtprobe.diag;

/**
 * Bad user input: a file that cannot be read, parsed or compiled. The CLI prints it as one
 * {@code file:line:col: error: message} line and exits with status 2; it never shows a trace.
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient SourcePos pos;

    public InputException(SourcePos pos, String message) {
        super(message);
        this.pos = pos == null ? SourcePos.UNKNOWN : pos;
    }

    public InputException(SourcePos pos, String message, Throwable cause) {
        super(message, cause);
        this.pos = pos == null ? SourcePos.UNKNOWN : pos;
    }

    public SourcePos pos() {
        return pos;
    }

    /** The one line a user sees: {@code file:line:col: error: message}. */
    public String render() {
        return pos + ": error: " + getMessage();
    }
}
