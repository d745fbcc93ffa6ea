package dev.dtprobe.lint.dtc;

import dev.dtprobe.lint.RuleCategory;
import dev.dtprobe.lint.RuleInfo;
import dev.dtprobe.lint.RuleLevel;

/** Declaration helper for dtc's checks: the id is the dtc name in kebab case, the dtc name its alias. */
final class DtcCheck {
    private DtcCheck() {
    }

    static RuleInfo.Builder info(String dtcName, RuleLevel level) {
        return RuleInfo.builder(idOf(dtcName), level, RuleCategory.DTC).aliases(dtcName);
    }

    static String idOf(String dtcName) {
        return dtcName.replace('_', '-');
    }
}
