package dev.dtprobe.diag;

/**
 * One finding about the input: where, how bad, what, and which check (dtc check name or
 * dtprobe rule id; may be null for plain front-end messages).
 */
public record Diagnostic(Severity severity, SourcePos pos, String message, String check) {

    /** gcc style: {@code file:line:col: warning: message [check]}. */
    public String render() {
        String text = pos + ": " + severity.label() + ": " + message;
        return check == null ? text : text + " [" + check + "]";
    }
}
