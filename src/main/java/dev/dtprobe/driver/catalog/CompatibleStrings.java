package dev.dtprobe.driver.catalog;

import java.util.regex.Pattern;

/**
 * Well-formedness of compatible strings and supplier property names as the catalog accepts them.
 * A compatible is {@code vendor,model} or a bare generic name ({@code "fixed-clock"}): it starts
 * with a letter or digit and uses only letters, digits and {@code , . _ + -} (the characters the
 * devicetree specification allows in compatible strings, plus upper case, which a few kernel
 * tables use).
 */
final class CompatibleStrings {
    private static final Pattern COMPATIBLE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9,._+-]*");
    /** A property name, optionally with one leading {@code *} wildcard ({@code *-supply}). */
    private static final Pattern ACQUIRE = Pattern.compile("\\*?[A-Za-z0-9#,._+?-]+");

    private CompatibleStrings() {
    }

    static boolean isWellFormed(String compatible) {
        return compatible != null && compatible.length() <= 128 && COMPATIBLE.matcher(compatible).matches();
    }

    static boolean isValidAcquire(String property) {
        return property != null && ACQUIRE.matcher(property).matches();
    }
}
