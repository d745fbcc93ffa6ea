package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;

/** dtc's {@code model_is_string}: {@code model} is one string. */
public final class ModelIsString extends OneStringCheck {
    static final RuleInfo INFO = DtcCheck.info("model_is_string", RuleLevel.WARNING)
            .summary("'model' is a single string")
            .description("'model' names the board or device model."
                    + " It must hold exactly one NUL-terminated string: not a list, not cells.")
            .example("/ { model = \"board\", \"rev-b\"; };")
            .build();

    public ModelIsString() {
        super("model");
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }
}
