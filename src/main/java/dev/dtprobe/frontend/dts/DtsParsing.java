package dev.dtprobe.frontend.dts;

import dev.dtprobe.diag.InputException;
import dev.dtprobe.frontend.dts.grammar.DtsLexer;
import dev.dtprobe.frontend.dts.grammar.DtsParser;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Runs the ANTLR lexer and parser over preprocessed DTS text. The first syntax error becomes an
 * {@link InputException} at its original position. Parsing tries the fast SLL mode first and
 * falls back to full LL only when SLL fails, the usual two-stage ANTLR strategy.
 */
final class DtsParsing {
    private DtsParsing() {
    }

    static DtsParser.DtsFileContext parse(String text, SourceMapping map) {
        DtsLexer lexer = new DtsLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.addErrorListener(new ThrowingListener(map));
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        checkLexicalErrors(tokens, map);

        DtsParser parser = new DtsParser(tokens);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            return parser.dtsFile();
        } catch (ParseCancellationException sllFailed) {
            tokens.seek(0);
            parser.reset();
            parser.addErrorListener(new ThrowingListener(map));
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            return parser.dtsFile();
        }
    }

    /**
     * Deepest nesting of braces or parentheses accepted. dtc's bison parser gives up near 10000
     * levels ("memory exhausted"); we stop earlier so that the recursive parser and tree walks
     * cannot exhaust the Java stack. Real device trees nest fewer than 20 levels.
     */
    static final int MAX_NESTING = 1000;

    /** Tokens that exist only to give a better message than "syntax error", and nesting depth. */
    private static void checkLexicalErrors(CommonTokenStream tokens, SourceMapping map) {
        int depth = 0;
        for (Token t : tokens.getTokens()) {
            switch (t.getType()) {
                case DtsLexer.LBRACE, DtsLexer.LPAREN -> {
                    if (++depth > MAX_NESTING) {
                        throw new InputException(map.posAt(t.getStartIndex()),
                                "nesting deeper than " + MAX_NESTING + " levels");
                    }
                }
                case DtsLexer.RBRACE, DtsLexer.RPAREN -> depth = Math.max(0, depth - 1);
                case DtsLexer.UNTERMINATED_STRING ->
                    throw new InputException(map.posAt(t.getStartIndex()), "unterminated string");
                case DtsLexer.UNTERMINATED_COMMENT ->
                    throw new InputException(map.posAt(t.getStartIndex()), "unterminated comment");
                default -> {
                }
            }
        }
    }

    /** ANTLR names tokens by their rule names; users should see the characters instead. */
    private static final Pattern TOKEN_NAME = Pattern.compile("\\b[A-Z][A-Z_0-9]+\\b");

    static String readable(String antlrMessage) {
        Vocabulary vocab = DtsLexer.VOCABULARY;
        Matcher m = TOKEN_NAME.matcher(antlrMessage.replace("<EOF>", "end of input"));
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(displayName(vocab, m.group())));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String displayName(Vocabulary vocab, String symbolic) {
        for (int type = 1; type <= vocab.getMaxTokenType(); type++) {
            if (symbolic.equals(vocab.getSymbolicName(type))) {
                return DISPLAY.getOrDefault(symbolic, symbolic.toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
            }
        }
        return symbolic;
    }

    private static final Map<String, String> DISPLAY = Map.ofEntries(
            Map.entry("SEMI", "';'"), Map.entry("LBRACE", "'{'"), Map.entry("RBRACE", "'}'"),
            Map.entry("ASSIGN", "'='"), Map.entry("LT", "'<'"), Map.entry("GT", "'>'"),
            Map.entry("LBRACKET", "'['"), Map.entry("RBRACKET", "']'"), Map.entry("LPAREN", "'('"),
            Map.entry("RPAREN", "')'"), Map.entry("COMMA", "','"), Map.entry("SLASH", "'/'"),
            Map.entry("COLON", "':'"), Map.entry("DT_V1", "'/dts-v1/'"),
            Map.entry("DT_MEMRESERVE", "'/memreserve/'"), Map.entry("DT_PLUGIN", "'/plugin/'"),
            Map.entry("DT_BITS", "'/bits/'"), Map.entry("DT_DEL_PROP", "'/delete-property/'"),
            Map.entry("DT_DEL_NODE", "'/delete-node/'"), Map.entry("DT_OMIT_NO_REF", "'/omit-if-no-ref/'"),
            Map.entry("DT_INCBIN", "'/incbin/'"), Map.entry("PROPNODENAME", "name"),
            Map.entry("LABEL_REF", "&label"), Map.entry("PATH_REF", "&{/path}"),
            Map.entry("LITERAL", "number"), Map.entry("CHAR_LITERAL", "character"),
            Map.entry("STRING", "string"), Map.entry("BYTE", "byte"), Map.entry("LABEL", "label:"));

    private static final class ThrowingListener extends BaseErrorListener {
        private final SourceMapping map;

        ThrowingListener(SourceMapping map) {
            this.map = map;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line,
                int charPositionInLine, String msg, RecognitionException e) {
            int offset;
            String message;
            if (offendingSymbol instanceof Token t) {
                offset = t.getType() == Token.EOF ? Math.max(0, t.getStartIndex() - 1) : t.getStartIndex();
                message = "syntax error: " + readable(msg);
            } else {
                // lexer error: ANTLR gives only line/column of the stream; find the offset
                offset = ((org.antlr.v4.runtime.Lexer) recognizer)._tokenStartCharIndex;
                message = "syntax error: " + msg;
            }
            throw new InputException(map.posAt(offset), message);
        }
    }
}
