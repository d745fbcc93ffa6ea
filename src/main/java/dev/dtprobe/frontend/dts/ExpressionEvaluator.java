package dev.dtprobe.frontend.dts;

import dev.dtprobe.diag.InputException;
import dev.dtprobe.frontend.dts.grammar.DtsLexer;
import dev.dtprobe.frontend.dts.grammar.DtsParser;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Evaluates dtc integer expressions: 64-bit unsigned arithmetic, both sides of {@code &&},
 * {@code ||} and {@code ?:} always evaluated (dtc computes them while parsing), shifts of 64 or
 * more give 0, division by zero is an error.
 */
final class ExpressionEvaluator {
    private final SourceMapping map;

    ExpressionEvaluator(SourceMapping map) {
        this.map = map;
    }

    long integerPrim(DtsParser.IntegerPrimContext ctx) {
        Token t = ((TerminalNode) ctx.getChild(0)).getSymbol();
        switch (t.getType()) {
            case DtsLexer.LITERAL:
                try {
                    return Literals.parseInteger(t.getText());
                } catch (Literals.BadLiteral e) {
                    throw new InputException(map.posAt(t.getStartIndex()), e.getMessage());
                }
            case DtsLexer.CHAR_LITERAL:
                return charLiteral(t);
            default:
                return expr((DtsParser.ExprContext) ctx.getChild(1));
        }
    }

    private long charLiteral(Token t) {
        String text = t.getText();
        byte[] bytes;
        try {
            bytes = Literals.unescape(text.substring(1, text.length() - 1));
        } catch (Literals.BadLiteral e) {
            throw new InputException(map.posAt(t.getStartIndex()), e.getMessage());
        }
        if (bytes.length == 0) {
            throw new InputException(map.posAt(t.getStartIndex()), "Empty character literal");
        }
        if (bytes.length > 1) {
            throw new InputException(map.posAt(t.getStartIndex()),
                    "Character literal has " + bytes.length + " characters instead of 1");
        }
        return bytes[0] & 0xff;
    }

    private long expr(DtsParser.ExprContext ctx) {
        if (ctx instanceof DtsParser.PrimaryExprContext p) {
            return integerPrim(p.integerPrim());
        }
        if (ctx instanceof DtsParser.UnaryExprContext u) {
            long v = expr(u.expr());
            return switch (u.op.getType()) {
                case DtsLexer.MINUS -> -v;
                case DtsLexer.TILDE -> ~v;
                default -> v == 0 ? 1 : 0;
            };
        }
        if (ctx instanceof DtsParser.TernaryExprContext t) {
            long cond = expr(t.expr(0));
            long a = expr(t.expr(1));
            long b = expr(t.expr(2));
            return cond != 0 ? a : b;
        }
        DtsParser.BinaryExprContext b = (DtsParser.BinaryExprContext) ctx;
        long l = expr(b.expr(0));
        long r = expr(b.expr(1));
        return switch (b.op.getType()) {
            case DtsLexer.STAR -> l * r;
            case DtsLexer.SLASH -> {
                checkDivisor(b, r);
                yield Long.divideUnsigned(l, r);
            }
            case DtsLexer.PERCENT -> {
                checkDivisor(b, r);
                yield Long.remainderUnsigned(l, r);
            }
            case DtsLexer.PLUS -> l + r;
            case DtsLexer.MINUS -> l - r;
            case DtsLexer.LSHIFT -> Long.compareUnsigned(r, 64) < 0 ? l << r : 0;
            case DtsLexer.RSHIFT -> Long.compareUnsigned(r, 64) < 0 ? l >>> r : 0;
            case DtsLexer.LT -> bool(Long.compareUnsigned(l, r) < 0);
            case DtsLexer.GT -> bool(Long.compareUnsigned(l, r) > 0);
            case DtsLexer.LE -> bool(Long.compareUnsigned(l, r) <= 0);
            case DtsLexer.GE -> bool(Long.compareUnsigned(l, r) >= 0);
            case DtsLexer.EQ -> bool(l == r);
            case DtsLexer.NE -> bool(l != r);
            case DtsLexer.AMP -> l & r;
            case DtsLexer.CARET -> l ^ r;
            case DtsLexer.PIPE -> l | r;
            case DtsLexer.AND -> bool(l != 0 && r != 0);
            case DtsLexer.OR -> bool(l != 0 || r != 0);
            default -> throw new IllegalStateException("operator " + b.op.getText());
        };
    }

    private void checkDivisor(DtsParser.BinaryExprContext b, long r) {
        if (r == 0) {
            throw new InputException(map.posAt(b.getStart().getStartIndex()), "Division by zero");
        }
    }

    private static long bool(boolean b) {
        return b ? 1 : 0;
    }
}
