package dev.dtprobe.frontend.cpp;

import dev.dtprobe.diag.Diagnostic;
import dev.dtprobe.diag.InputException;
import dev.dtprobe.diag.Severity;
import dev.dtprobe.diag.SourcePos;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/** One preprocessing run: macro table, include stack, conditional stack, and the output printer. */
final class CppRun {
    static final int MAX_INCLUDE_DEPTH = 200;
    static final int MAX_CONTEXT_DEPTH = 20000;
    static final int MAX_ARG_NESTING = 200;
    static final long MAX_EXPANSION_TOKENS = 20_000_000L;

    private final PreprocessorOptions options;
    private final SourceCache cache;

    final OutputPrinter printer = new OutputPrinter();
    final SegmentMap map = printer.map();
    final List<Path> files = new ArrayList<>();
    final List<Diagnostic> diagnostics = new ArrayList<>();

    private final HashMap<String, Macro> macros = new HashMap<>(512);
    private final HashSet<Path> once = new HashSet<>();

    private final ArrayList<IncludeFrame> frames = new ArrayList<>();
    private ExpansionContext[] ctx = new ExpansionContext[64];
    private int nctx;
    private final ArrayList<Conditional> conds = new ArrayList<>();
    private boolean skipping;
    private int parsingArgs;
    private int preventExpansion;
    private int argNesting;
    private long expansionTokens;
    private int counter;
    private String baseFile = "";

    // where the last token returned by getToken came from
    private boolean lastFromFile;
    private IncludeFrame lastFrame;
    private IncludeFrame readFrame; // frame of the last token read by readFileToken

    // outermost expansion position
    private int expFile = -1;
    private int expLine;
    private int expCol;


    CppRun(PreprocessorOptions options, SourceCache cache) {
        this.options = options;
        this.cache = cache;
    }

    SourcePos errorPos() {
        if (nctx > 0 && expFile >= 0) {
            return new SourcePos(map.names.get(expFile), expLine, expCol);
        }
        IncludeFrame f = readFrame != null ? readFrame : (frames.isEmpty() ? null : frames.get(frames.size() - 1));
        if (f == null) {
            return SourcePos.UNKNOWN;
        }
        int i = Math.min(Math.max(f.idx - 1, 0), f.n - 1);
        if (i < 0) {
            return new SourcePos(f.name, 1, 1);
        }
        return pos(f, f.toks[i]);
    }

    // ------------------------------------------------------------------ setup

    void run(String name, Path path, SourceCache.Entry entry) {
        baseFile = name;
        defineBuiltins();
        for (String d : options.defines()) {
            commandLineDefine(d);
        }
        for (String u : options.undefs()) {
            macros.remove(u.trim());
        }
        files.add(path);
        pushFile(entry, path, name, -1, null);
        for (;;) {
            Token t = getToken();
            if (t.type == Token.EOF) {
                if (frames.size() <= 1) {
                    IncludeFrame f = frames.isEmpty() ? null : frames.get(0);
                    if (f != null && f.idx >= f.n) {
                        break;
                    }
                }
                continue;
            }
            print(t);
        }
        printer.finish();
    }

    private void defineBuiltins() {
        builtin("__FILE__", Macro.B_FILE);
        builtin("__LINE__", Macro.B_LINE);
        builtin("__COUNTER__", Macro.B_COUNTER);
        builtin("__INCLUDE_LEVEL__", Macro.B_INCLUDE_LEVEL);
        builtin("__BASE_FILE__", Macro.B_BASE_FILE);
        builtin("__DATE__", Macro.B_DATE);
        builtin("__TIME__", Macro.B_TIME);
        // gcc defines these even with -undef in assembler-with-cpp mode
        simple("__STDC__", "1");
        simple("__ASSEMBLER__", "1");
    }

    private void builtin(String name, int kind) {
        macros.put(name, new Macro(name, false, 0, false, new Token[0], kind));
    }

    private void simple(String name, String value) {
        Token v = new Token(Token.NUMBER, value, 0, 0, 0, -1, null);
        macros.put(name, new Macro(name, false, 0, false, new Token[] {v}, Macro.NORMAL));
    }

    private void commandLineDefine(String d) {
        int eq = d.indexOf('=');
        String text = eq < 0 ? d + " 1" : d.substring(0, eq) + " " + d.substring(eq + 1);
        LexedFile lf = Lexer.lex(text);
        SourcePos pos = new SourcePos("<command-line>", 0, 0);
        if (lf.errMessage != null) {
            throw new InputException(pos, lf.errMessage);
        }
        Token[] t = lf.tokens;
        for (int i = 1; i < t.length; i++) {
            if (t[i].has(Token.BOL)) {
                t = java.util.Arrays.copyOf(t, i);
                break;
            }
        }
        define(MacroDefinition.parse(t, 0, t.length, null, (tok, msg) -> new InputException(pos, msg)));
    }

    private void define(Macro m) {
        macros.put(m.name, m);
    }

    private void pushFile(SourceCache.Entry entry, Path path, String name, int dirIndex, Token at) {
        LexedFile lf = entry.lexed();
        int fid = map.fileId(name, path);
        if (lf.errMessage != null) {
            throw new InputException(new SourcePos(name, lf.errLine, lf.errCol), lf.errMessage);
        }
        frames.add(new IncludeFrame(lf.tokens, path, name, fid, dirIndex, conds.size()));
    }

    // ------------------------------------------------------------------ positions / errors

    private SourcePos pos(IncludeFrame f, Token t) {
        return new SourcePos(f.name, t.line + f.lineDelta, t.col);
    }

    private InputException err(IncludeFrame f, Token t, String msg) {
        if (f == null || t == null) {
            return new InputException(errorPos(), msg);
        }
        return new InputException(pos(f, t), msg);
    }

    // ------------------------------------------------------------------ printer

    private void print(Token t) {
        if (lastFromFile) {
            printer.printFromFile(t, lastFrame.fileId, t.line + lastFrame.lineDelta);
        } else {
            printer.printFromMacro(t, expFile < 0 ? 0 : expFile, expLine, expCol);
        }
    }

    private void lineChange() {
        printer.lineChange();
    }

    // ------------------------------------------------------------------ file tokens & directives

    private Token readFileToken() {
        for (;;) {
            IncludeFrame f = frames.get(frames.size() - 1);
            if (f.idx >= f.n) {
                if (conds.size() > f.condBase) {
                    Conditional c = conds.get(conds.size() - 1);
                    throw new InputException(c.pos, "unterminated #" + c.kind);
                }
                readFrame = f;
                if (parsingArgs > 0 || frames.size() == 1) {
                    return Token.EOF_TOKEN;
                }
                frames.remove(frames.size() - 1);
                continue;
            }
            Token t = f.toks[f.idx++];
            if ((t.flags & Token.BOL) != 0) {
                if (parsingArgs != 1 && t.type == Token.PUNCT && t.text.equals("#") && directive(f, t)) {
                    continue;
                }
                if (skipping) {
                    continue;
                }
                if (parsingArgs == 0) {
                    lineChange();
                }
            } else if (skipping) {
                continue;
            }
            readFrame = f;
            return t;
        }
    }

    private static int lineEnd(IncludeFrame f, int i) {
        Token[] t = f.toks;
        int n = f.n;
        while (i < n && (t[i].flags & Token.BOL) == 0) {
            i++;
        }
        return i;
    }

    private static final int D_DEFINE = 1, D_UNDEF = 2, D_INCLUDE = 3, D_INCLUDE_NEXT = 4, D_IF = 5,
            D_IFDEF = 6, D_IFNDEF = 7, D_ELIF = 8, D_ELSE = 9, D_ENDIF = 10, D_ERROR = 11, D_WARNING = 12,
            D_PRAGMA = 13, D_LINE = 14, D_IGNORE = 15, D_ELIFDEF = 16, D_ELIFNDEF = 17;

    private static int directiveKind(String s) {
        switch (s) {
            case "define": return D_DEFINE;
            case "undef": return D_UNDEF;
            case "include": case "import": return D_INCLUDE;
            case "include_next": return D_INCLUDE_NEXT;
            case "if": return D_IF;
            case "ifdef": return D_IFDEF;
            case "ifndef": return D_IFNDEF;
            case "elif": return D_ELIF;
            case "elifdef": return D_ELIFDEF;
            case "elifndef": return D_ELIFNDEF;
            case "else": return D_ELSE;
            case "endif": return D_ENDIF;
            case "error": return D_ERROR;
            case "warning": return D_WARNING;
            case "pragma": return D_PRAGMA;
            case "line": return D_LINE;
            case "ident": case "sccs": case "assert": case "unassert": return D_IGNORE;
            default: return -1;
        }
    }

    private static boolean isCond(int k) {
        return k >= D_IF && k <= D_ENDIF || k == D_ELIFDEF || k == D_ELIFNDEF;
    }

    /** Handles a line starting with '#'; returns false for an assembler '#' line that is not a directive. */
    private boolean directive(IncludeFrame f, Token hash) {
        int start = f.idx;
        int end = lineEnd(f, start);
        if (start == end) {
            f.idx = end;
            return true;
        }
        Token name = f.toks[start];
        int kind = name.type == Token.IDENT ? directiveKind(name.text) : -1;
        if (kind < 0) {
            if (skipping) {
                f.idx = end;
                return true;
            }
            return false;
        }
        f.idx = end;
        if (skipping && !isCond(kind)) {
            return true;
        }
        int savedPA = parsingArgs, savedPE = preventExpansion;
        parsingArgs = 0;
        preventExpansion = 0;
        try {
            Token[] t = f.toks;
            int s = start + 1;
            switch (kind) {
                case D_DEFINE:
                    define(MacroDefinition.parse(t, s, end, name, (tok, msg) -> err(f, tok, msg)));
                    break;
                case D_UNDEF:
                    if (s >= end) {
                        throw err(f, name, "no macro name given in #undef directive");
                    }
                    if (t[s].type != Token.IDENT) {
                        throw err(f, t[s], "macro names must be identifiers");
                    }
                    macros.remove(t[s].text);
                    break;
                case D_INCLUDE:
                case D_INCLUDE_NEXT:
                    include(f, name, t, s, end, kind == D_INCLUDE_NEXT);
                    break;
                case D_IF: {
                    Conditional c = new Conditional(new SourcePos(f.name, name.line + f.lineDelta, 0), "if", skipping);
                    if (!skipping) {
                        c.taken = evalIf(f, name, t, s, end);
                        skipping = !c.taken;
                    }
                    conds.add(c);
                    break;
                }
                case D_IFDEF:
                case D_IFNDEF: {
                    Conditional c = new Conditional(new SourcePos(f.name, name.line + f.lineDelta, 0), name.text, skipping);
                    if (!skipping) {
                        boolean def = ifdefName(f, name, t, s, end);
                        c.taken = kind == D_IFDEF ? def : !def;
                        skipping = !c.taken;
                    }
                    conds.add(c);
                    break;
                }
                case D_ELIF:
                case D_ELIFDEF:
                case D_ELIFNDEF: {
                    if (conds.size() <= f.condBase) {
                        throw err(f, name, "#" + name.text + " without #if");
                    }
                    Conditional c = conds.get(conds.size() - 1);
                    if (c.sawElse) {
                        throw err(f, name, "#" + name.text + " after #else");
                    }
                    c.kind = name.text;
                    if (c.wasSkipping) {
                        skipping = true;
                    } else if (c.taken) {
                        skipping = true;
                    } else {
                        skipping = false;
                        boolean v;
                        if (kind == D_ELIF) {
                            v = evalIf(f, name, t, s, end);
                        } else {
                            boolean def = ifdefName(f, name, t, s, end);
                            v = kind == D_ELIFDEF ? def : !def;
                        }
                        c.taken = v;
                        skipping = !v;
                    }
                    break;
                }
                case D_ELSE: {
                    if (conds.size() <= f.condBase) {
                        throw err(f, name, "#else without #if");
                    }
                    Conditional c = conds.get(conds.size() - 1);
                    if (c.sawElse) {
                        throw err(f, name, "#else after #else");
                    }
                    c.sawElse = true;
                    c.kind = "else";
                    skipping = c.wasSkipping || c.taken;
                    c.taken = true;
                    break;
                }
                case D_ENDIF: {
                    if (conds.size() <= f.condBase) {
                        throw err(f, name, "#endif without #if");
                    }
                    Conditional c = conds.remove(conds.size() - 1);
                    skipping = c.wasSkipping;
                    break;
                }
                case D_ERROR:
                    throw err(f, name, "#error" + spell(t, s, end));
                case D_WARNING:
                    diagnostics.add(new Diagnostic(Severity.WARNING, pos(f, name), "#warning" + spell(t, s, end), null));
                    break;
                case D_PRAGMA:
                    if (s < end && t[s].type == Token.IDENT && t[s].text.equals("once") && s + 1 == end) {
                        once.add(cache.get(f.path).key);
                    }
                    break;
                case D_LINE:
                    lineDirective(f, name, t, s, end);
                    break;
                default:
                    break;
            }
        } finally {
            parsingArgs = savedPA;
            preventExpansion = savedPE;
        }
        return true;
    }

    private static String spell(Token[] t, int s, int e) {
        StringBuilder sb = new StringBuilder();
        for (int i = s; i < e; i++) {
            sb.append(' ').append(t[i].text);
        }
        return sb.toString();
    }

    private boolean ifdefName(IncludeFrame f, Token name, Token[] t, int s, int e) {
        if (s >= e) {
            throw err(f, name, "no macro name given in #" + name.text + " directive");
        }
        if (t[s].type != Token.IDENT) {
            throw err(f, t[s], "macro names must be identifiers");
        }
        return macros.containsKey(t[s].text);
    }

    private void lineDirective(IncludeFrame f, Token name, Token[] t, int s, int e) {
        List<Token> x = expandLine(t, s, e, false);
        if (x.isEmpty() || x.get(0).type != Token.NUMBER) {
            throw err(f, s < e ? t[s] : name, "\"" + (x.isEmpty() ? "" : x.get(0).text)
                    + "\" after #line is not a positive integer");
        }
        int n;
        try {
            n = Integer.parseInt(x.get(0).text);
        } catch (NumberFormatException ex) {
            throw err(f, t[s], "\"" + x.get(0).text + "\" after #line is not a positive integer");
        }
        int nextLine = name.line + 1;
        f.lineDelta = n - nextLine;
        if (x.size() > 1) {
            Token fn = x.get(1);
            if (fn.type != Token.STRING) {
                throw err(f, t[s], "invalid filename \"" + fn.text + "\"");
            }
            f.name = unquote(fn.text);
            f.fileId = map.fileId(f.name, f.path);
        }
    }

    private static String unquote(String s) {
        return s.substring(1, s.length() - 1);
    }

    // ------------------------------------------------------------------ #include

    private void include(IncludeFrame f, Token dir, Token[] t, int s, int e, boolean next) {
        String name;
        boolean angled;
        Token at = s < e ? t[s] : dir;
        if (s < e && t[s].type == Token.STRING) {
            name = unquote(t[s].text);
            angled = false;
        } else if (s < e && t[s].type == Token.HEADER) {
            name = unquote(t[s].text);
            angled = true;
        } else {
            List<Token> x = expandLine(t, s, e, false);
            if (x.isEmpty()) {
                throw err(f, at, "#" + dir.text + " expects \"FILENAME\" or <FILENAME>");
            }
            Token first = x.get(0);
            if (first.type == Token.STRING) {
                name = unquote(first.text);
                angled = false;
            } else if (first.isPunct('<')) {
                StringBuilder sb = new StringBuilder();
                boolean closed = false;
                for (int i = 1; i < x.size(); i++) {
                    Token y = x.get(i);
                    if (y.isPunct('>')) {
                        closed = true;
                        break;
                    }
                    if (sb.length() > 0 && y.has(Token.PREV_WHITE)) {
                        sb.append(' ');
                    }
                    sb.append(y.text);
                }
                if (!closed) {
                    throw err(f, at, "missing terminating > character");
                }
                name = sb.toString();
                angled = true;
            } else {
                throw err(f, at, "#" + dir.text + " expects \"FILENAME\" or <FILENAME>");
            }
        }
        if (name.isEmpty()) {
            throw err(f, at, "empty filename in #" + dir.text);
        }
        if (frames.size() >= MAX_INCLUDE_DEPTH) {
            throw err(f, at, "#include nested depth " + frames.size() + " exceeds maximum of "
                    + MAX_INCLUDE_DEPTH + " (use -fmax-include-depth=DEPTH to increase the maximum)");
        }
        IncludeSearch.Found hit = IncludeSearch.find(name, angled, next, f.path, f.dirIndex, options.includeDirs(),
                cache);
        if (hit == null) {
            throw err(f, at, name + ": No such file or directory");
        }
        if (once.contains(hit.entry().key)) {
            return;
        }
        files.add(hit.path());
        pushFile(hit.entry(), hit.path(), hit.path().toString(), hit.dirIndex(), at);
    }
    // ------------------------------------------------------------------ #define

    // ------------------------------------------------------------------ #if

    private boolean evalIf(IncludeFrame f, Token dir, Token[] t, int s, int e) {
        List<Token> x = expandLine(t, s, e, true);
        try {
            return IfExpr.eval(x, dir.text);
        } catch (IfExpr.Error ex) {
            Token bad = ex.token;
            if (bad != null) {
                for (int i = s; i < e; i++) {
                    if (t[i] == bad) {
                        throw err(f, bad, ex.getMessage());
                    }
                }
            }
            throw err(f, dir, ex.getMessage());
        }
    }

    /** Macro-expands the tokens [s,e) of a directive line (handling 'defined' if asked). */
    private List<Token> expandLine(Token[] t, int s, int e, boolean inIf) {
        ArrayList<Token> res = new ArrayList<>(Math.max(4, e - s));
        Token[] copy = new Token[e - s];
        System.arraycopy(t, s, copy, 0, e - s);
        pushContext(new ExpansionContext(copy, copy.length, null, true));
        int base = nctx;
        IncludeFrame f = frames.get(frames.size() - 1);
        try {
            for (;;) {
                Token x = getToken();
                if (x.type == Token.EOF) {
                    break;
                }
                if (x.type == Token.PADDING) {
                    continue;
                }
                if (inIf && x.type == Token.IDENT && x.text.equals("defined")) {
                    preventExpansion++;
                    Token y = nextNonPadding();
                    boolean paren = y.isPunct('(');
                    if (paren) {
                        y = nextNonPadding();
                    }
                    if (y.type != Token.IDENT) {
                        preventExpansion--;
                        throw err(f, x, "operator \"defined\" requires an identifier");
                    }
                    if (paren) {
                        Token z = nextNonPadding();
                        if (!z.isPunct(')')) {
                            preventExpansion--;
                            throw err(f, x, "missing ')' after \"defined\"");
                        }
                    }
                    preventExpansion--;
                    res.add(new Token(Token.NUMBER, macros.containsKey(y.text) ? "1" : "0", 0, x.line, x.col, -1,
                            null));
                    continue;
                }
                res.add(x);
            }
        } finally {
            // pop everything down to (and including) the line context
            while (nctx >= base) {
                popContext();
            }
        }
        return res;
    }

    private Token nextNonPadding() {
        Token t;
        do {
            t = getToken();
        } while (t.type == Token.PADDING);
        return t;
    }

    // ------------------------------------------------------------------ macro expansion

    private void pushContext(ExpansionContext c) {
        if (nctx == ctx.length) {
            if (nctx >= MAX_CONTEXT_DEPTH) {
                throw new InputException(errorPos(), "macro expansion nested too deeply");
            }
            ctx = java.util.Arrays.copyOf(ctx, nctx * 2);
        }
        ctx[nctx++] = c;
    }

    private void popContext() {
        ExpansionContext c = ctx[--nctx];
        ctx[nctx] = null;
        if (c.macro != null) {
            c.macro.disabled = false;
        }
    }

    /** cpp_get_token: the next token after macro expansion (may return PADDING or EOF). */
    private Token getToken() {
        for (;;) {
            Token t;
            boolean fromFile;
            IncludeFrame fr = null;
            if (nctx == 0) {
                t = readFileToken();
                fromFile = true;
                fr = readFrame;
            } else {
                ExpansionContext c = ctx[nctx - 1];
                if (c.pos < c.end) {
                    t = c.toks[c.pos++];
                    fromFile = false;
                    if ((t.flags & Token.PASTE_LEFT) != 0 && t.type != Token.PADDING) {
                        pasteAll(t, c);
                        lastFromFile = false;
                        return Token.padding(t);
                    }
                } else {
                    if (c.isArg) {
                        return Token.EOF_TOKEN;
                    }
                    popContext();
                    return Token.AVOID_PASTE;
                }
            }
            if (t.type == Token.IDENT && (t.flags & Token.NO_EXPAND) == 0 && preventExpansion == 0) {
                Macro m = macros.get(t.text);
                if (m != null) {
                    if (m.disabled) {
                        t = t.withFlags(t.flags | Token.NO_EXPAND);
                    } else if (m.builtin != Macro.NORMAL) {
                        Token r = builtinToken(m, t, fromFile ? fr : null);
                        lastFromFile = fromFile;
                        lastFrame = fr;
                        if (fromFile) {
                            expFile = fr.fileId;
                            expLine = t.line + fr.lineDelta;
                            expCol = t.col;
                            lastFromFile = false;
                        }
                        return r;
                    } else {
                        if (fromFile) {
                            expFile = fr.fileId;
                            expLine = t.line + fr.lineDelta;
                            expCol = t.col;
                        }
                        if (enterMacro(m, t, fromFile ? fr : null)) {
                            lastFromFile = false;
                            return Token.padding(t);
                        }
                    }
                }
            }
            lastFromFile = fromFile;
            lastFrame = fr;
            return t;
        }
    }

    private Token builtinToken(Macro m, Token t, IncludeFrame fr) {
        IncludeFrame cur = frames.get(frames.size() - 1);
        String text;
        byte type = Token.NUMBER;
        switch (m.builtin) {
            case Macro.B_FILE:
                text = Stringify.quote(cur.name);
                type = Token.STRING;
                break;
            case Macro.B_BASE_FILE:
                text = Stringify.quote(baseFile);
                type = Token.STRING;
                break;
            case Macro.B_LINE: {
                Token last = cur.idx > 0 ? cur.toks[Math.min(cur.idx, cur.n) - 1] : t;
                int ln = fr != null ? t.line + fr.lineDelta : nctx > 0 && expFile >= 0 ? expLine : last.line + cur.lineDelta;
                text = Integer.toString(ln);
                break;
            }
            case Macro.B_COUNTER:
                text = Integer.toString(counter++);
                break;
            case Macro.B_INCLUDE_LEVEL:
                text = Integer.toString(frames.size() - 1);
                break;
            case Macro.B_DATE:
                text = '"' + LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMM ppd yyyy", Locale.ROOT)) + '"';
                type = Token.STRING;
                break;
            default:
                text = '"' + LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)) + '"';
                type = Token.STRING;
                break;
        }
        return new Token(type, text, t.flags & Token.PREV_WHITE, t.line, t.col, -1, null);
    }

    /** Where the token last returned by getToken came from (file context or not), for backing up. */
    private boolean enterMacro(Macro m, Token name, IncludeFrame nameFrame) {
        Token[] body;
        int count;
        if (m.funLike) {
            parsingArgs = 1;
            preventExpansion++;
            Token pad = null;
            Token t;
            for (;;) {
                t = getToken();
                if (t.type != Token.PADDING) {
                    break;
                }
                if (pad == null) {
                    pad = t;
                }
            }
            if (!t.isPunct('(')) {
                preventExpansion--;
                parsingArgs = 0;
                if (t.type != Token.EOF) {
                    backup();
                }
                if (pad != null) {
                    pushContext(new ExpansionContext(new Token[] {pad}, 1, null, false));
                }
                return false;
            }
            parsingArgs = 2;
            ArrayList<ArrayList<Token>> args = new ArrayList<>(Math.max(1, m.paramCount));
            ArrayList<Token> cur = new ArrayList<>();
            args.add(cur);
            int depth = 0;
            Token close;
            for (;;) {
                t = getToken();
                if (t.type == Token.PADDING) {
                    continue;
                }
                if (t.type == Token.EOF) {
                    preventExpansion--;
                    parsingArgs = 0;
                    throw new InputException(namePos(name, nameFrame),
                            "unterminated argument list invoking macro \"" + m.name + "\"");
                }
                if (t.type == Token.PUNCT && t.text.length() == 1) {
                    char c = t.text.charAt(0);
                    if (c == '(') {
                        depth++;
                    } else if (c == ')') {
                        if (depth == 0) {
                            close = t;
                            break;
                        }
                        depth--;
                    } else if (c == ',' && depth == 0 && !(m.variadic && args.size() == m.paramCount)) {
                        cur = new ArrayList<>();
                        args.add(cur);
                        continue;
                    }
                }
                cur.add(t);
            }
            SourcePos closePos = lastFromFile && lastFrame != null ? pos(lastFrame, close) : namePos(name, nameFrame);
            preventExpansion--;
            parsingArgs = 0;
            int given = args.size();
            if (given == 1 && args.get(0).isEmpty() && m.paramCount == 0) {
                given = 0;
            }
            if (given != m.paramCount) {
                if (given < m.paramCount) {
                    if (!(m.variadic && given == m.paramCount - 1)) {
                        if (!(given == 1 && args.get(0).isEmpty() && m.paramCount == 1)) {
                            throw new InputException(closePos, "macro \"" + m.name + "\" requires " + m.paramCount
                                    + " arguments, but only " + given + " given");
                        }
                    }
                } else {
                    throw new InputException(closePos, "macro \"" + m.name + "\" passed " + given
                            + " arguments, but takes just " + m.paramCount);
                }
            }
            boolean varargAbsent = m.variadic && args.size() < m.paramCount;
            while (args.size() < m.paramCount) {
                args.add(new ArrayList<>());
            }
            if (m.paramCount > 0) {
                ArrayList<Token> r = replaceArgs(m, args, varargAbsent);
                body = r.toArray(new Token[0]);
                count = body.length;
            } else {
                body = m.body;
                count = body.length;
            }
        } else {
            body = m.body;
            count = body.length;
        }
        expansionTokens += count;
        if (expansionTokens > MAX_EXPANSION_TOKENS) {
            throw new InputException(namePos(name, nameFrame), "macro expansion of \"" + m.name + "\" is too large");
        }
        m.disabled = true;
        pushContext(new ExpansionContext(body, count, m, false));
        return true;
    }

    private SourcePos namePos(Token name, IncludeFrame nameFrame) {
        if (nameFrame != null) {
            return pos(nameFrame, name);
        }
        return expFile >= 0 ? new SourcePos(map.names.get(expFile), expLine, expCol) : errorPos();
    }

    /** Undoes the last token read (the look-ahead for '(' of a function-like macro). */
    private void backup() {
        if (nctx > 0) {
            ctx[nctx - 1].pos--;
        } else {
            IncludeFrame f = frames.get(frames.size() - 1);
            f.idx--;
        }
    }

    private ArrayList<Token> replaceArgs(Macro m, ArrayList<ArrayList<Token>> args, boolean varargAbsent) {
        Token[] b = m.body;
        ArrayList<Token> outT = new ArrayList<>(b.length + 8);
        Token[] stringified = new Token[m.paramCount];
        @SuppressWarnings({"unchecked", "rawtypes"})
        ArrayList<Token>[] expanded = new ArrayList[m.paramCount];
        for (int i = 0; i < b.length; i++) {
            Token tok = b[i];
            if (tok.type != Token.ARG) {
                outT.add(tok);
                continue;
            }
            ArrayList<Token> raw = args.get(tok.arg);
            final boolean afterPaste = i > 0 && b[i - 1].has(Token.PASTE_LEFT);
            boolean prevPaste = afterPaste;
            List<Token> from;
            if (tok.has(Token.STRINGIFY)) {
                if (stringified[tok.arg] == null) {
                    stringified[tok.arg] = Stringify.tokens(raw);
                }
                from = List.of(stringified[tok.arg]);
            } else if (tok.has(Token.PASTE_LEFT) || prevPaste) {
                from = raw;
            } else {
                if (expanded[tok.arg] == null) {
                    expanded[tok.arg] = expandArg(raw);
                }
                from = expanded[tok.arg];
            }
            // GNU comma pasting: , ## __VA_ARGS__
            if (prevPaste && m.variadic && tok.arg == m.paramCount - 1 && b[i - 1].isPunct(',')
                    && !outT.isEmpty()) {
                int k = outT.size() - 1;
                Token comma = outT.get(k);
                if (from.isEmpty() && varargAbsent) {
                    outT.remove(k);
                } else {
                    outT.set(k, comma.withFlags(comma.flags & ~Token.PASTE_LEFT));
                }
                prevPaste = false;
                if (from.isEmpty()) {
                    continue;
                }
            } else if (prevPaste && from.isEmpty()) {
                // placemarker on the right: the left operand does not paste
                int k = outT.size() - 1;
                if (k >= 0 && outT.get(k).has(Token.PASTE_LEFT)) {
                    Token l = outT.get(k);
                    outT.set(k, l.withFlags(l.flags & ~Token.PASTE_LEFT));
                }
            }
            if (i != 0 && !afterPaste) {
                outT.add(Token.padding(tok));
            }
            int before = outT.size();
            outT.addAll(from);
            if (tok.has(Token.PASTE_LEFT) && outT.size() > before) {
                int k = outT.size() - 1;
                // the last real token gets the paste flag
                while (k >= before && outT.get(k).type == Token.PADDING) {
                    k--;
                }
                if (k >= before) {
                    Token l = outT.get(k);
                    outT.set(k, l.withFlags(l.flags | Token.PASTE_LEFT));
                }
            }
            if (!tok.has(Token.PASTE_LEFT)) {
                outT.add(Token.AVOID_PASTE);
            }
        }
        return outT;
    }

    private ArrayList<Token> expandArg(ArrayList<Token> raw) {
        ArrayList<Token> res = new ArrayList<>(raw.size() + 4);
        if (raw.isEmpty()) {
            return res;
        }
        if (++argNesting > MAX_ARG_NESTING) {
            throw new InputException(errorPos(), "macro arguments nested too deeply");
        }
        Token[] arr = raw.toArray(new Token[0]);
        pushContext(new ExpansionContext(arr, arr.length, null, true));
        int base = nctx;
        boolean savedLast = lastFromFile;
        IncludeFrame savedFrame = lastFrame;
        for (;;) {
            Token t = getToken();
            if (t.type == Token.EOF) {
                break;
            }
            res.add(t);
            if (res.size() > MAX_EXPANSION_TOKENS / 10) {
                throw new InputException(errorPos(), "macro expansion is too large");
            }
        }
        while (nctx >= base) {
            popContext();
        }
        lastFromFile = savedLast;
        lastFrame = savedFrame;
        argNesting--;
        return res;
    }

    /** Pastes lhs with following tokens of context c while the PASTE_LEFT chain goes on. */
    private void pasteAll(Token lhs, ExpansionContext c) {
        Token cur = lhs;
        for (;;) {
            Token rhs = null;
            while (c.pos < c.end) {
                Token r = c.toks[c.pos++];
                if (r.type != Token.PADDING) {
                    rhs = r;
                    break;
                }
            }
            if (rhs == null) {
                break; // nothing to paste with
            }
            String spelled = cur.text + (cur.isPunct('/') && !rhs.isPunct('=') ? " " : "") + rhs.text;
            Token pasted = Stringify.lexOne(spelled);
            if (pasted == null) {
                // assembler mode: no error; output both tokens
                c.pos--;
                cur = cur.withFlags(cur.flags & ~Token.PASTE_LEFT);
                break;
            }
            int fl = (cur.flags & Token.PREV_WHITE) | (rhs.flags & Token.PASTE_LEFT);
            cur = new Token(pasted.type, pasted.text, fl, cur.line, cur.col, -1, null);
            if (!rhs.has(Token.PASTE_LEFT)) {
                break;
            }
        }
        cur = cur.withFlags(cur.flags & ~Token.PASTE_LEFT);
        pushContext(new ExpansionContext(new Token[] {cur}, 1, null, false));
    }


}
