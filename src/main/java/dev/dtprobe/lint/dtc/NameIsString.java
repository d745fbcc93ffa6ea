package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;

/** dtc's {@code name_is_string}. */
public final class NameIsString extends OneStringCheck {
    static final RuleInfo INFO = DtcCheck.info("name_is_string", RuleLevel.ERROR)
            .summary("a 'name' property is a single string")
            .description("Old (OpenFirmware) trees carry a 'name' property repeating the node's base "
                    + "name. Where present it must be one string.")
            .example("/ { cpu { name = <1>; }; };")
            .build();

    public NameIsString() {
        super("name");
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }
}
