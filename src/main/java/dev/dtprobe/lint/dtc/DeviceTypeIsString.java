package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;

/** dtc's {@code device_type_is_string}: {@code device_type} is one string. */
public final class DeviceTypeIsString extends OneStringCheck {
    static final RuleInfo INFO = DtcCheck.info("device_type_is_string", RuleLevel.WARNING)
            .summary("'device_type' is a single string")
            .description("'device_type' names the class of device (\"memory\", \"cpu\", \"pci\")."
                    + " It must hold exactly one NUL-terminated string: not a list, not cells.")
            .example("/ { memory { device_type = <1>; }; };")
            .build();

    public DeviceTypeIsString() {
        super("device_type");
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }
}
