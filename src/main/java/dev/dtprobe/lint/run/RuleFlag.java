package dev.dtprobe.lint.run;

import dev.dtprobe.diag.InputException;
import dev.dtprobe.diag.SourcePos;
import dev.dtprobe.lint.RuleLevel;
import dev.dtprobe.lint.RuleLevels;

/**
 * One rule-level flag from the command line, applied in command-line order after the config
 * file: {@code --rule ID=LEVEL} sets one rule; dtc's {@code -W}/{@code -E}/{@code -Wno-}
 * ({@code dtcStyle}) also enable prerequisites or disable dependents, as dtc does.
 */
public record RuleFlag(String name, RuleLevel level, boolean dtcStyle) {

    /** @throws InputException naming the flag when no rule has this name */
    public void applyTo(RuleLevels levels) {
        try {
            if (dtcStyle) {
                levels.setDtcStyle(name, level);
            } else {
                levels.set(name, level);
            }
        } catch (IllegalArgumentException e) {
            throw new InputException(SourcePos.ofFile(flag()), e.getMessage());
        }
    }

    /** The flag as dtc or dtprobe spells it, for messages. */
    public String flag() {
        if (!dtcStyle) {
            return "--rule";
        }
        return level == RuleLevel.ERROR ? "-E" : "-W";
    }
}
