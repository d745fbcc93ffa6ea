package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;

/** dtc's {@code label_is_string}: {@code label} is one string. */
public final class LabelIsString extends OneStringCheck {
    static final RuleInfo INFO = DtcCheck.info("label_is_string", RuleLevel.WARNING)
            .summary("'label' is a single string")
            .description("The 'label' property is a human-readable name of a device (not a DTS label)."
                    + " It must hold exactly one NUL-terminated string: not a list, not cells.")
            .example("/ { led { label = <1>; }; };")
            .build();

    public LabelIsString() {
        super("label");
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }
}
