package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;

/** dtc's {@code status_is_string}: {@code status} is one string. */
public final class StatusIsString extends OneStringCheck {
    static final RuleInfo INFO = DtcCheck.info("status_is_string", RuleLevel.WARNING)
            .summary("'status' is a single string")
            .description("'status' says whether a device is usable (\"okay\", \"disabled\", ...)."
                    + " It must hold exactly one NUL-terminated string: not a list, not cells.")
            .example("/ { uart { status = \"okay\", \"disabled\"; }; };")
            .build();

    public StatusIsString() {
        super("status");
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }
}
