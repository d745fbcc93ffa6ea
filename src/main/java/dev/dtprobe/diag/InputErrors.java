package dev.dtprobe.diag;

import java.util.List;

/** Several errors found in one input (dtc reports all failed checks before it gives up). */
public final class InputErrors extends InputException {
    private static final long serialVersionUID = 1L;

    private final transient List<Diagnostic> errors;

    public InputErrors(List<Diagnostic> errors) {
        super(errors.get(0).pos(), errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<Diagnostic> errors() {
        return errors;
    }

    @Override
    public String render() {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : errors) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(d.render());
        }
        return sb.toString();
    }
}
