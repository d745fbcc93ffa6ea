package dev.dtprobe.frontend.dts;

import java.io.ByteArrayOutputStream;

/**
 * Decodes dtc's integer, character and string literals (dtc-lexer.l, util.c get_escape_char).
 * Source text is read as ISO-8859-1, so every char is one byte of the file and bytes pass
 * through unchanged, as they do in dtc.
 */
final class Literals {
    private Literals() {
    }

    /** Thrown for a literal dtc rejects; the caller adds the position. */
    static final class BadLiteral extends Exception {
        private static final long serialVersionUID = 1L;

        BadLiteral(String message) {
            super(message, null, false, false);
        }
    }

    /** strtoull(text, 0) with dtc's suffix and range rules. */
    static long parseInteger(String text) throws BadLiteral {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == 'U' || text.charAt(end - 1) == 'L')) {
            end--;
        }
        int radix = 10;
        int start = 0;
        if (end > 1 && text.charAt(0) == '0') {
            if (text.charAt(1) == 'x' || text.charAt(1) == 'X') {
                radix = 16;
                start = 2;
            } else {
                radix = 8;
                start = 1;
            }
        }
        long limit = Long.divideUnsigned(-1L, radix);
        long value = 0;
        for (int i = start; i < end; i++) {
            int d = Character.digit(text.charAt(i), radix);
            if (d < 0) {
                throw new BadLiteral("Bad integer literal '" + text + "'");
            }
            if (Long.compareUnsigned(value, limit) > 0) {
                throw new BadLiteral("Integer literal '" + text + "' out of range");
            }
            long next = value * radix + d;
            if (Long.compareUnsigned(next, value * radix) < 0) {
                throw new BadLiteral("Integer literal '" + text + "' out of range");
            }
            value = next;
        }
        return value;
    }

    /** The bytes of a quoted string or char literal body (quotes removed), escapes decoded. */
    static byte[] unescape(String body) throws BadLiteral {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length());
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i++);
            if (c != '\\') {
                out.write(c);
                continue;
            }
            if (i >= body.length()) {
                out.write('\\');
                break;
            }
            char e = body.charAt(i++);
            switch (e) {
                case 'a' -> out.write(7);
                case 'b' -> out.write('\b');
                case 't' -> out.write('\t');
                case 'n' -> out.write('\n');
                case 'v' -> out.write(11);
                case 'f' -> out.write('\f');
                case 'r' -> out.write('\r');
                case 'x' -> {
                    int v = 0;
                    int n = 0;
                    while (n < 2 && i < body.length() && Character.digit(body.charAt(i), 16) >= 0) {
                        v = v * 16 + Character.digit(body.charAt(i++), 16);
                        n++;
                    }
                    if (n == 0) {
                        throw new BadLiteral("\\x used with no following hex digits");
                    }
                    out.write(v);
                }
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int v = e - '0';
                    int n = 1;
                    while (n < 3 && i < body.length() && body.charAt(i) >= '0' && body.charAt(i) <= '7') {
                        v = v * 8 + (body.charAt(i++) - '0');
                        n++;
                    }
                    out.write(v);
                }
                default -> out.write(e);
            }
        }
        return out.toByteArray();
    }
}
