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

    final StringBuilder out = new StringBuilder(1 << 16);
    final SegmentMap map = new SegmentMap();
    final List<Path> files = new ArrayList<>();
    final List<Diagnostic> diagnostics = new ArrayList<>();

    private final HashMap<String, Macro> macros = new HashMap<>(512);
    private final HashSet<Path> once = new HashSet<>();

    private static final class Frame {
        final Token[] toks;
        final int n;
        int idx;
        final Path path;
        final int dirIndex;
        int fileId;
        String name;
        int lineDelta;
        final int condBase;

        Frame(Token[] toks, Path path, String name, int fileId, int dirIndex, int condBase) {
            this.toks = toks;
            this.n = toks.length;
            this.path = path;
            this.name = name;
            this.fileId = fileId;
            this.dirIndex = dirIndex;
            this.condBase = condBase;
        }
    }

    private static final class Ctx {
        final Token[] toks;
        int pos;
        final int end;
        final Macro macro;
        final boolean isArg;

        Ctx(Token[] toks, int end, Macro macro, boolean isArg) {
            this.toks = toks;
            this.end = end;
            this.macro = macro;
            this.isArg = isArg;
        }
    }

    private static final class Cond {
        final SourcePos pos;
        String kind;
        final boolean wasSkipping;
        boolean taken;
        boolean sawElse;

        Cond(SourcePos pos, String kind, boolean wasSkipping) {
            this.pos = pos;
            this.kind = kind;
            this.wasSkipping = wasSkipping;
        }
    }

    private final ArrayList<Frame> frames = new ArrayList<>();
    private Ctx[] ctx = new Ctx[64];
    private int nctx;
    private final ArrayList<Cond> conds = new ArrayList<>();
    private boolean skipping;
    private int parsingArgs;
    private int preventExpansion;
    private int argNesting;
    private long expansionTokens;
    private int counter;
    private String baseFile = "";

    // where the last token returned by getToken came from
    private boolean lastFromFile;
    private Frame lastFrame;
    private Frame readFrame; // frame of the last token read by readFileToken

    // outermost expansion position
    private int expFile = -1;
    private int expLine;
    private int expCol;

    // printer state
    private Token prev;
    private Token source;
    private boolean avoidPaste;

    CppRun(PreprocessorOptions options, SourceCache cache) {
        this.options = options;
        this.cache = cache;
    }

    SourcePos errorPos() {
        if (nctx > 0 && expFile >= 0) {
            return new SourcePos(map.names.get(expFile), expLine, expCol);
        }
        Frame f = readFrame != null ? readFrame : (frames.isEmpty() ? null : frames.get(frames.size() - 1));
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
                    Frame f = frames.isEmpty() ? null : frames.get(0);
                    if (f != null && f.idx >= f.n) {
                        break;
                    }
                }
                continue;
            }
            print(t);
        }
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
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
        defineMacro(t, 0, t.length, null, null, pos);
    }

    private void pushFile(SourceCache.Entry entry, Path path, String name, int dirIndex, Token at) {
        LexedFile lf = entry.lexed();
        int fid = map.fileId(name, path);
        if (lf.errMessage != null) {
            throw new InputException(new SourcePos(name, lf.errLine, lf.errCol), lf.errMessage);
        }
        frames.add(new Frame(lf.tokens, path, name, fid, dirIndex, conds.size()));
    }

    // ------------------------------------------------------------------ positions / errors

    private SourcePos pos(Frame f, Token t) {
        return new SourcePos(f.name, t.line + f.lineDelta, t.col);
    }

    private InputException err(Frame f, Token t, String msg) {
        if (f == null || t == null) {
            return new InputException(errorPos(), msg);
        }
        return new InputException(pos(f, t), msg);
    }

    // ------------------------------------------------------------------ printer

    private void print(Token t) {
        if (t.type == Token.PADDING) {
            avoidPaste = true;
            if (source == null || (!source.has(Token.PREV_WHITE) && t.source == null)) {
                source = t.source;
            }
            return;
        }
        boolean space;
        if (avoidPaste) {
            Token s = source == null ? t : source;
            space = s.has(Token.PREV_WHITE) || (prev != null && Paste.avoid(prev, t))
                    || (prev == null && t.isPunct('#'));
        } else {
            space = t.has(Token.PREV_WHITE);
        }
        if (space) {
            out.append(' ');
        }
        avoidPaste = false;
        source = null;
        prev = t;
        int off = out.length();
        if (lastFromFile) {
            Frame f = lastFrame;
            map.add(off, f.fileId, t.line + f.lineDelta, t.col, false);
        } else {
            map.add(off, expFile < 0 ? 0 : expFile, expLine, expCol, true);
        }
        out.append(t.text);
    }

    private void lineChange() {
        int len = out.length();
        if (len > 0 && out.charAt(len - 1) != '\n') {
            out.append('\n');
        }
        prev = null;
        source = null;
    }

    // ------------------------------------------------------------------ file tokens & directives

    private Token readFileToken() {
        for (;;) {
            Frame f = frames.get(frames.size() - 1);
            if (f.idx >= f.n) {
                if (conds.size() > f.condBase) {
                    Cond c = conds.get(conds.size() - 1);
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

    private static int lineEnd(Frame f, int i) {
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
    private boolean directive(Frame f, Token hash) {
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
                    defineMacro(t, s, end, f, name, null);
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
                    Cond c = new Cond(new SourcePos(f.name, name.line + f.lineDelta, 0), "if", skipping);
                    if (!skipping) {
                        c.taken = evalIf(f, name, t, s, end);
                        skipping = !c.taken;
                    }
                    conds.add(c);
                    break;
                }
                case D_IFDEF:
                case D_IFNDEF: {
                    Cond c = new Cond(new SourcePos(f.name, name.line + f.lineDelta, 0), name.text, skipping);
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
                    Cond c = conds.get(conds.size() - 1);
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
                    Cond c = conds.get(conds.size() - 1);
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
                    Cond c = conds.remove(conds.size() - 1);
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

    private boolean ifdefName(Frame f, Token name, Token[] t, int s, int e) {
        if (s >= e) {
            throw err(f, name, "no macro name given in #" + name.text + " directive");
        }
        if (t[s].type != Token.IDENT) {
            throw err(f, t[s], "macro names must be identifiers");
        }
        return macros.containsKey(t[s].text);
    }

    private void lineDirective(Frame f, Token name, Token[] t, int s, int e) {
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

    private void include(Frame f, Token dir, Token[] t, int s, int e, boolean next) {
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
        Path found = null;
        SourceCache.Entry entry = null;
        int dirIndex = -1;
        Path np;
        try {
            np = Path.of(name);
        } catch (RuntimeException ex) {
            throw err(f, at, name + ": No such file or directory");
        }
        if (np.isAbsolute()) {
            SourceCache.Entry en = cache.get(np);
            if (en.text != null) {
                found = np;
                entry = en;
            }
        } else {
            List<Path> dirs = options.includeDirs();
            int from = 0;
            if (next) {
                from = f.dirIndex + 1;
            } else if (!angled) {
                Path parent = f.path.getParent();
                Path cand = parent == null ? np : parent.resolve(np);
                SourceCache.Entry en = cache.get(cand);
                if (en.text != null) {
                    found = cand;
                    entry = en;
                }
            }
            for (int i = from; found == null && i < dirs.size(); i++) {
                Path cand = dirs.get(i).resolve(np);
                SourceCache.Entry en = cache.get(cand);
                if (en.text != null) {
                    found = cand;
                    entry = en;
                    dirIndex = i;
                }
            }
        }
        if (found == null) {
            throw err(f, at, name + ": No such file or directory");
        }
        if (once.contains(entry.key)) {
            return;
        }
        files.add(found);
        pushFile(entry, found, found.toString(), dirIndex, at);
    }

    // ------------------------------------------------------------------ #define

    private void defineMacro(Token[] t, int s, int e, Frame f, Token dir, SourcePos cmdPos) {
        if (s >= e) {
            throw cmdPos != null ? new InputException(cmdPos, "macro names must be identifiers")
                    : err(f, dir, "no macro name given in #define directive");
        }
        Token nm = t[s];
        if (nm.type != Token.IDENT) {
            throw cmdPos != null ? new InputException(cmdPos, "macro names must be identifiers")
                    : err(f, nm, "macro names must be identifiers");
        }
        if (nm.text.equals("defined")) {
            throw cmdPos != null ? new InputException(cmdPos, "\"defined\" cannot be used as a macro name")
                    : err(f, nm, "\"defined\" cannot be used as a macro name");
        }
        int i = s + 1;
        boolean fun = false;
        boolean variadic = false;
        ArrayList<String> params = null;
        if (i < e && t[i].isPunct('(') && !t[i].has(Token.PREV_WHITE)) {
            fun = true;
            params = new ArrayList<>(4);
            i++;
            if (i < e && t[i].isPunct(')')) {
                i++;
            } else {
                for (;;) {
                    if (i >= e) {
                        throw defErr(f, nm, cmdPos, "missing ')' in macro parameter list");
                    }
                    Token p = t[i];
                    if (p.isPunct("...")) {
                        variadic = true;
                        params.add("__VA_ARGS__");
                        i++;
                        if (i >= e || !t[i].isPunct(')')) {
                            throw defErr(f, i < e ? t[i] : p, cmdPos, "missing ')' in macro parameter list");
                        }
                        i++;
                        break;
                    }
                    if (p.type != Token.IDENT) {
                        throw defErr(f, p, cmdPos, "expected parameter name, found \"" + p.text + "\"");
                    }
                    if (params.contains(p.text)) {
                        throw defErr(f, p, cmdPos, "duplicate macro parameter \"" + p.text + "\"");
                    }
                    params.add(p.text);
                    i++;
                    if (i < e && t[i].isPunct("...")) {
                        variadic = true;
                        i++;
                        if (i >= e || !t[i].isPunct(')')) {
                            throw defErr(f, i < e ? t[i] : p, cmdPos, "missing ')' in macro parameter list");
                        }
                        i++;
                        break;
                    }
                    if (i < e && t[i].isPunct(')')) {
                        i++;
                        break;
                    }
                    if (i < e && t[i].isPunct(',')) {
                        i++;
                        continue;
                    }
                    throw defErr(f, i < e ? t[i] : p, cmdPos,
                            "expected ',' or ')', found \"" + (i < e ? t[i].text : "") + "\"");
                }
            }
        }
        ArrayList<Token> body = new ArrayList<>(Math.max(4, e - i));
        for (; i < e; i++) {
            Token b = t[i];
            int fl = b.flags & ~Token.BOL;
            if (body.isEmpty()) {
                fl &= ~Token.PREV_WHITE;
            }
            if (fun && b.type == Token.IDENT) {
                int pi = params.indexOf(b.text);
                b = pi >= 0 ? new Token(Token.ARG, b.text, fl, b.line, b.col, pi, null) : b.withFlags(fl);
            } else {
                b = b.withFlags(fl);
            }
            if (b.type == Token.PUNCT && b.text.equals("##")) {
                if (body.isEmpty()) {
                    throw defErr(f, t[i], cmdPos, "'##' cannot appear at either end of a macro expansion");
                }
                int k = body.size() - 1;
                Token l = body.get(k);
                body.set(k, l.withFlags(l.flags | Token.PASTE_LEFT));
                if (i + 1 >= e) {
                    throw defErr(f, t[i], cmdPos, "'##' cannot appear at either end of a macro expansion");
                }
                continue;
            }
            if (fun && b.type == Token.ARG && !body.isEmpty()) {
                int k = body.size() - 1;
                Token h = body.get(k);
                if (h.type == Token.PUNCT && h.text.equals("#") && !h.has(Token.PASTE_LEFT)
                        && (k == 0 || !body.get(k - 1).has(Token.PASTE_LEFT))) {
                    body.remove(k);
                    int nf = (b.flags & ~Token.PREV_WHITE) | Token.STRINGIFY | (h.flags & Token.PREV_WHITE);
                    b = b.withFlags(nf);
                }
            }
            body.add(b);
        }
        Macro m = new Macro(nm.text, fun, fun ? params.size() : 0, variadic, body.toArray(new Token[0]),
                Macro.NORMAL);
        macros.put(nm.text, m);
    }

    private InputException defErr(Frame f, Token t, SourcePos cmdPos, String msg) {
        return cmdPos != null ? new InputException(cmdPos, msg) : err(f, t, msg);
    }

    // ------------------------------------------------------------------ #if

    private boolean evalIf(Frame f, Token dir, Token[] t, int s, int e) {
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
        pushContext(new Ctx(copy, copy.length, null, true));
        int base = nctx;
        Frame f = frames.get(frames.size() - 1);
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

    private void pushContext(Ctx c) {
        if (nctx == ctx.length) {
            if (nctx >= MAX_CONTEXT_DEPTH) {
                throw new InputException(errorPos(), "macro expansion nested too deeply");
            }
            ctx = java.util.Arrays.copyOf(ctx, nctx * 2);
        }
        ctx[nctx++] = c;
    }

    private void popContext() {
        Ctx c = ctx[--nctx];
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
            Frame fr = null;
            if (nctx == 0) {
                t = readFileToken();
                fromFile = true;
                fr = readFrame;
            } else {
                Ctx c = ctx[nctx - 1];
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

    private Token builtinToken(Macro m, Token t, Frame fr) {
        Frame cur = frames.get(frames.size() - 1);
        String text;
        byte type = Token.NUMBER;
        switch (m.builtin) {
            case Macro.B_FILE:
                text = quote(cur.name);
                type = Token.STRING;
                break;
            case Macro.B_BASE_FILE:
                text = quote(baseFile);
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

    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        appendEscaped(sb, s);
        return sb.append('"').toString();
    }

    /** The escaping of the {@code #} operator: backslash before quotes and backslashes, newlines as \n. */
    private static void appendEscaped(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            if (c == '\n') {
                sb.append("\\n");
                continue;
            }
            sb.append(c);
        }
    }

    /** Where the token last returned by getToken came from (file context or not), for backing up. */
    private boolean enterMacro(Macro m, Token name, Frame nameFrame) {
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
                    pushContext(new Ctx(new Token[] {pad}, 1, null, false));
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
        pushContext(new Ctx(body, count, m, false));
        return true;
    }

    private SourcePos namePos(Token name, Frame nameFrame) {
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
            Frame f = frames.get(frames.size() - 1);
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
                    stringified[tok.arg] = stringify(raw);
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
        pushContext(new Ctx(arr, arr.length, null, true));
        int base = nctx;
        boolean savedLast = lastFromFile;
        Frame savedFrame = lastFrame;
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

    private static Token stringify(List<Token> raw) {
        StringBuilder sb = new StringBuilder().append('"');
        Token src = null;
        boolean first = true;
        for (Token t : raw) {
            if (t.type == Token.PADDING) {
                if (src == null || (!src.has(Token.PREV_WHITE) && t.source == null)) {
                    src = t.source;
                }
                continue;
            }
            if (!first) {
                Token s = src == null ? t : src;
                if (s.has(Token.PREV_WHITE)) {
                    sb.append(' ');
                }
            }
            src = null;
            first = false;
            if (t.type == Token.STRING || t.type == Token.CHAR) {
                appendEscaped(sb, t.text);
            } else {
                sb.append(t.text);
            }
        }
        // drop a trailing unescaped backslash (invalid string otherwise)
        int bs = 0;
        for (int i = sb.length() - 1; i > 0 && sb.charAt(i) == '\\'; i--) {
            bs++;
        }
        if ((bs & 1) == 1) {
            sb.setLength(sb.length() - 1);
        }
        sb.append('"');
        return new Token(Token.STRING, sb.toString(), 0, 0, 0, -1, null);
    }

    /** Pastes lhs with following tokens of context c while the PASTE_LEFT chain goes on. */
    private void pasteAll(Token lhs, Ctx c) {
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
            Token pasted = lexOne(spelled);
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
        pushContext(new Ctx(new Token[] {cur}, 1, null, false));
    }

    private static Token lexOne(String s) {
        LexedFile lf = Lexer.lex(s);
        if (lf.errMessage != null || lf.tokens.length != 1) {
            return null;
        }
        Token t = lf.tokens[0];
        if (t.has(Token.PREV_WHITE) || t.type == Token.OTHER && s.length() > 1) {
            return null;
        }
        return t;
    }
}
