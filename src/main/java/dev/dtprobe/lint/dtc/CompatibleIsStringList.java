package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;

/** dtc's {@code compatible_is_string_list}. */
public final class CompatibleIsStringList extends StringListCheck {
    static final RuleInfo INFO = DtcCheck.info("compatible_is_string_list", RuleLevel.WARNING)
            .summary("'compatible' is a list of strings")
            .description("'compatible' lists the models a device is compatible with, most specific first; "
                    + "drivers match on its strings. Every entry must be a NUL-terminated string "
                    + "(a cell mixed in breaks the list).")
            .example("/ { uart { compatible = \"acme,uart\", <1>; }; };")
            .build();

    public CompatibleIsStringList() {
        super("compatible");
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }
}
