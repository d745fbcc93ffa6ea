package dev.dtprobe.frontend.cpp;

import java.util.List;

/** Evaluates a fully macro-expanded #if expression in intmax/uintmax arithmetic, like cpp. */
final class IfExpr {
    /** Thrown with a gcc-style message; the caller adds the position. */
    static final class Error extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final Token token;

        Error(String msg) {
            this(msg, null);
        }

        Error(String msg, Token token) {
            super(msg, null, false, false);
            this.token = token;
        }
    }

    private final List<Token> toks;
    private int pos;
    private boolean uns; // signedness of the last returned value

    private IfExpr(List<Token> toks) {
        this.toks = toks;
    }

    /** Returns whether the expression is non-zero. */
    static boolean eval(List<Token> toks, String directive) {
        if (toks.isEmpty()) {
            throw new Error("#" + directive + " with no expression");
        }
        IfExpr e = new IfExpr(toks);
        long v = e.comma(true);
        if (e.pos < toks.size()) {
            Token t = toks.get(e.pos);
            if (t.isPunct(')')) {
                throw new Error("missing '(' in expression");
            }
            if (t.isPunct(':')) {
                throw new Error("':' without preceding '?'");
            }
            throw new Error("missing binary operator before token \"" + t.text + "\"", t);
        }
        return v != 0;
    }

    private Token peek() {
        return pos < toks.size() ? toks.get(pos) : null;
    }

    private boolean at(String op) {
        Token t = peek();
        return t != null && t.type == Token.PUNCT && t.text.equals(op);
    }

    private long comma(boolean ev) {
        long v = cond(ev);
        while (at(",")) {
            pos++;
            v = cond(ev);
        }
        return v;
    }

    private long cond(boolean ev) {
        long c = binary(0, ev);
        boolean cu = uns;
        if (!at("?")) {
            return c;
        }
        pos++;
        boolean take = c != 0;
        long a = comma(ev && take);
        boolean au = uns;
        if (!at(":")) {
            throw new Error("'?' without following ':'");
        }
        pos++;
        long b = cond(ev && !take);
        boolean bu = uns;
        uns = au || bu;
        return take ? a : b;
    }

    // precedence levels: 0 ||, 1 &&, 2 |, 3 ^, 4 &, 5 == !=, 6 < > <= >=, 7 << >>, 8 + -, 9 * / %
    private static int prec(Token t) {
        if (t == null || t.type != Token.PUNCT) {
            return -1;
        }
        switch (t.text) {
            case "||": return 0;
            case "&&": return 1;
            case "|": return 2;
            case "^": return 3;
            case "&": return 4;
            case "==": case "!=": return 5;
            case "<": case ">": case "<=": case ">=": return 6;
            case "<<": case ">>": return 7;
            case "+": case "-": return 8;
            case "*": case "/": case "%": return 9;
            default: return -1;
        }
    }

    private long binary(int minPrec, boolean ev) {
        long l = unary(ev);
        boolean lu = uns;
        for (;;) {
            Token op = peek();
            int p = prec(op);
            if (p < minPrec || p < 0) {
                uns = lu;
                return l;
            }
            pos++;
            String o = op.text;
            boolean evr = ev;
            if (o.equals("&&")) {
                evr = ev && l != 0;
            } else if (o.equals("||")) {
                evr = ev && l == 0;
            }
            if (peek() == null) {
                throw new Error("operator '" + o + "' has no right operand", op);
            }
            long r = binary(p + 1, evr);
            boolean ru = uns;
            boolean u = lu || ru;
            switch (o) {
                case "||": l = (l != 0 || r != 0) ? 1 : 0; lu = false; break;
                case "&&": l = (l != 0 && r != 0) ? 1 : 0; lu = false; break;
                case "|": l = l | r; lu = u; break;
                case "^": l = l ^ r; lu = u; break;
                case "&": l = l & r; lu = u; break;
                case "==": l = l == r ? 1 : 0; lu = false; break;
                case "!=": l = l != r ? 1 : 0; lu = false; break;
                case "<": l = (u ? Long.compareUnsigned(l, r) < 0 : l < r) ? 1 : 0; lu = false; break;
                case ">": l = (u ? Long.compareUnsigned(l, r) > 0 : l > r) ? 1 : 0; lu = false; break;
                case "<=": l = (u ? Long.compareUnsigned(l, r) <= 0 : l <= r) ? 1 : 0; lu = false; break;
                case ">=": l = (u ? Long.compareUnsigned(l, r) >= 0 : l >= r) ? 1 : 0; lu = false; break;
                case "<<": l = shift(l, lu, r, ru, true); break;
                case ">>": l = shift(l, lu, r, ru, false); break;
                case "+": l = l + r; lu = u; break;
                case "-": l = l - r; lu = u; break;
                case "*": l = l * r; lu = u; break;
                case "/":
                case "%":
                    if (r == 0) {
                        if (ev) {
                            throw new Error("division by zero in #if");
                        }
                        l = 0;
                    } else if (u) {
                        l = o.equals("/") ? Long.divideUnsigned(l, r) : Long.remainderUnsigned(l, r);
                    } else if (r == -1) {
                        l = o.equals("/") ? -l : 0;
                    } else {
                        l = o.equals("/") ? l / r : l % r;
                    }
                    lu = u;
                    break;
                default:
                    throw new Error("token \"" + o + "\" is not valid in preprocessor expressions");
            }
        }
    }

    private static long shift(long l, boolean lu, long r, boolean ru, boolean left) {
        if (!ru && r < 0) {
            left = !left;
            r = r == Long.MIN_VALUE ? 64 : -r;
        }
        if (left) {
            return Long.compareUnsigned(r, 64) >= 0 ? 0 : l << r;
        }
        if (Long.compareUnsigned(r, 64) >= 0) {
            return (!lu && l < 0) ? -1 : 0;
        }
        return lu ? l >>> r : l >> r;
    }

    private long unary(boolean ev) {
        Token t = peek();
        if (t == null) {
            throw new Error("#if with no expression");
        }
        pos++;
        switch (t.type) {
            case Token.NUMBER:
                return number(t.text);
            case Token.CHAR:
                uns = false;
                return charConst(t.text);
            case Token.IDENT:
                uns = false;
                return 0;
            case Token.PUNCT:
                switch (t.text) {
                    case "(": {
                        if (at(")")) {
                            throw new Error("missing expression between '(' and ')'");
                        }
                        long v = comma(ev);
                        boolean u = uns;
                        if (!at(")")) {
                            Token x = peek();
                            throw new Error(x == null ? "missing ')' in expression"
                                    : "missing ')' in expression");
                        }
                        pos++;
                        uns = u;
                        return v;
                    }
                    case "+":
                        return operand(t, ev);
                    case "-":
                        return -operand(t, ev);
                    case "~":
                        return ~operand(t, ev);
                    case "!": {
                        long v = operand(t, ev);
                        uns = false;
                        return v == 0 ? 1 : 0;
                    }
                    default:
                        break;
                }
                if (prec(t) >= 0 || t.text.equals("?") || t.text.equals(":") || t.text.equals(",")
                        || t.text.equals(")")) {
                    throw new Error("operator '" + t.text + "' has no left operand");
                }
                throw new Error("token \"" + t.text + "\" is not valid in preprocessor expressions");
            default:
                throw new Error("token \"" + t.text + "\" is not valid in preprocessor expressions");
        }
    }

    private long operand(Token op, boolean ev) {
        if (peek() == null) {
            throw new Error("operator '" + op.text + "' has no right operand", op);
        }
        return unary(ev);
    }

    private long number(String s) {
        int end = s.length();
        boolean u = false;
        int ls = 0;
        while (end > 0) {
            char c = s.charAt(end - 1);
            if (c == 'u' || c == 'U') {
                if (u) {
                    break;
                }
                u = true;
                end--;
            } else if (c == 'l' || c == 'L') {
                ls++;
                end--;
            } else {
                break;
            }
        }
        if (ls > 2) {
            throw new Error("invalid suffix \"" + s.substring(end) + "\" on integer constant");
        }
        String digits = s.substring(0, end);
        int base = 10;
        int i = 0;
        if (digits.length() > 1 && digits.charAt(0) == '0' && (digits.charAt(1) == 'x' || digits.charAt(1) == 'X')) {
            base = 16;
            i = 2;
        } else if (digits.length() > 1 && digits.charAt(0) == '0' && (digits.charAt(1) == 'b' || digits.charAt(1) == 'B')) {
            base = 2;
            i = 2;
        } else if (digits.length() > 1 && digits.charAt(0) == '0') {
            base = 8;
            i = 1;
        }
        if (digits.indexOf('.') >= 0 || (base == 10 && (digits.indexOf('e') >= 0 || digits.indexOf('E') >= 0))
                || (base == 16 && (digits.indexOf('p') >= 0 || digits.indexOf('P') >= 0))) {
            throw new Error("floating constant in preprocessor expression");
        }
        if (i == digits.length() && base != 8) {
            throw new Error("invalid suffix \"" + s.substring(i - 1) + "\" on integer constant");
        }
        long v = 0;
        boolean overflow = false;
        for (; i < digits.length(); i++) {
            char c = digits.charAt(i);
            int d = Character.digit(c, 16);
            if (d < 0) {
                throw new Error("invalid suffix \"" + s.substring(i) + "\" on integer constant");
            }
            if (d >= base) {
                if (base == 8 && d < 10) {
                    throw new Error("invalid digit \"" + c + "\" in octal constant");
                }
                if (base == 2 && d < 10) {
                    throw new Error("invalid digit \"" + c + "\" in binary constant");
                }
                throw new Error("invalid suffix \"" + s.substring(i) + "\" on integer constant");
            }
            long nv = v * base + d;
            if (Long.compareUnsigned(v, Long.divideUnsigned(-1L, base)) > 0
                    || Long.compareUnsigned(nv, v * base) < 0) {
                overflow = true;
            }
            v = nv;
        }
        if (overflow) {
            throw new Error("integer constant is too large for its type");
        }
        uns = u || v < 0;
        return v;
    }

    private static long charConst(String s) {
        int i = 1, end = s.length() - 1;
        long v = 0;
        int count = 0;
        while (i < end) {
            int c = s.charAt(i++);
            if (c == '\\' && i < end) {
                char e = s.charAt(i++);
                switch (e) {
                    case 'n': c = '\n'; break;
                    case 't': c = '\t'; break;
                    case 'r': c = '\r'; break;
                    case 'a': c = 7; break;
                    case 'b': c = 8; break;
                    case 'f': c = 12; break;
                    case 'v': c = 11; break;
                    case 'e': case 'E': c = 27; break;
                    case 'x': {
                        c = 0;
                        while (i < end && Character.digit(s.charAt(i), 16) >= 0) {
                            c = c * 16 + Character.digit(s.charAt(i++), 16);
                        }
                        break;
                    }
                    default:
                        if (e >= '0' && e <= '7') {
                            c = e - '0';
                            for (int k = 0; k < 2 && i < end && s.charAt(i) >= '0' && s.charAt(i) <= '7'; k++) {
                                c = c * 8 + (s.charAt(i++) - '0');
                            }
                        } else {
                            c = e;
                        }
                }
            }
            c &= 0xff;
            v = (v << 8) | c;
            count++;
        }
        if (count == 0) {
            throw new Error("empty character constant");
        }
        if (count == 1) {
            return (byte) v; // char is signed
        }
        return (int) v;
    }
}
