package dev.dtprobe.frontend.cpp;

/** cpp_avoid_paste: whether printing b right after a would lex differently. */
final class Paste {
    private Paste() {
    }

    static boolean avoid(Token a, Token b) {
        char c = 0; // first char of b if b is an operator
        if (b.type == Token.PUNCT) {
            c = b.text.charAt(0);
        }
        if (a.type == Token.PUNCT) {
            String at = a.text;
            if (c == '=') {
                switch (at) {
                    case "=": case "!": case ">": case "<": case "+": case "-": case "*": case "/": case "%":
                    case "&": case "|": case "^": case ">>": case "<<":
                        return true;
                    default:
                        break;
                }
            }
            switch (at) {
                case ">": return c == '>';
                case "<": return c == '<' || c == '%' || c == ':';
                case "+": return c == '+';
                case "-": return c == '-' || c == '>';
                case "/": return c == '/' || c == '*';
                case "%": return c == ':' || c == '%';
                case "&": return c == '&';
                case "|": return c == '|';
                case ":": return c == ':' || c == '>';
                case "->": return c == '*';
                case ".": return c == '.' || c == '%' || b.type == Token.NUMBER;
                case "#": return c == '#' || c == '%';
                case "<=": return c == '>';
                default: return false;
            }
        }
        switch (a.type) {
            case Token.IDENT:
                return b.type == Token.IDENT || b.type == Token.CHAR || b.type == Token.STRING;
            case Token.NUMBER:
                return b.type == Token.NUMBER || b.type == Token.IDENT || b.type == Token.CHAR
                        || c == '.' || c == '+' || c == '-';
            case Token.OTHER:
                return a.text.charAt(0) == '\\' && b.type == Token.IDENT;
            default:
                return false;
        }
    }
}
