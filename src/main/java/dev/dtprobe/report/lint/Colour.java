package dev.dtprobe.report.lint;

import java.util.Locale;
import java.util.Map;

/**
 * Whether text output is coloured: {@code --color always|never} decides; with {@code auto}
 * (the default) only when standard output is a terminal, {@code NO_COLOR} is unset or empty
 * (no-color.org) and {@code TERM} is not {@code dumb}.
 */
public final class Colour {
    private Colour() {
    }

    public enum Mode { AUTO, ALWAYS, NEVER }

    public static boolean enabled(Mode mode, Map<String, String> env, boolean stdoutIsTerminal) {
        return switch (mode) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> stdoutIsTerminal && isEmpty(env.get("NO_COLOR"))
                    && !"dumb".equals(env.getOrDefault("TERM", "").toLowerCase(Locale.ROOT));
        };
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }
}
