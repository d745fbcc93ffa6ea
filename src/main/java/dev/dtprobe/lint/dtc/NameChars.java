package dev.dtprobe.lint.dtc;

/** The character sets of dtc's name checks, and {@code strspn} over them. */
final class NameChars {
    private NameChars() {
    }

    /** dtc's NODECHARS. */
    static final String NODE = alnum() + ",._+-@";
    /** dtc's PROPCHARS. */
    static final String PROPERTY = alnum() + ",._+*#?-";
    /** dtc's PROPNODECHARSSTRICT. */
    static final String STRICT = alnum() + ",-";

    /** C's strspn: the length of the prefix of {@code s} made of {@code allowed} characters. */
    static int span(String s, String allowed) {
        int n = 0;
        while (n < s.length() && allowed.indexOf(s.charAt(n)) >= 0) {
            n++;
        }
        return n;
    }

    private static String alnum() {
        return "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    }
}
