package dev.dtprobe.frontend;

import dev.dtprobe.diag.Diagnostic;
import dev.dtprobe.diag.InputException;
import dev.dtprobe.diag.SourcePos;
import dev.dtprobe.frontend.cpp.PreprocessedSource;
import dev.dtprobe.frontend.cpp.Preprocessor;
import dev.dtprobe.frontend.cpp.PreprocessorOptions;
import dev.dtprobe.frontend.cpp.SourceCache;
import dev.dtprobe.frontend.dtb.DtbReader;
import dev.dtprobe.frontend.dts.DtsCompiler;
import dev.dtprobe.frontend.dts.IncbinLoader;
import dev.dtprobe.tree.DeviceTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The front end's single entry point: reads a board as DTS (preprocessed, parsed and compiled
 * exactly as kbuild's cpp + dtc would) or as DTB, chosen by the file's magic number.
 */
public final class TreeLoader {
    private static final int FDT_MAGIC = 0xd00dfeed;

    private final LoadOptions options;
    private final SourceCache cache;
    private boolean force;

    public TreeLoader(LoadOptions options) {
        this(options, new SourceCache());
    }

    /** Shares {@code cache} between loaders, so many boards read each header file once. */
    public TreeLoader(LoadOptions options, SourceCache cache) {
        this.options = options;
        this.cache = cache;
    }

    /**
     * dtc's {@code -f}: a DTS that fails dtc's error checks (duplicate names, unresolved
     * references, ...) still loads; the errors come back among {@link LoadedTree#warnings()}.
     * Syntax errors and unreadable files still throw.
     */
    public TreeLoader forced(boolean on) {
        this.force = on;
        return this;
    }

    public LoadedTree load(Path input) {
        byte[] head = readHead(input);
        if (isDtb(head)) {
            return loadDtb(input);
        }
        Preprocessor cpp = new Preprocessor(preprocessorOptions(), cache);
        return compile(cpp.process(input));
    }

    /** Compiles DTS text that did not come from a file (standard input, tests). */
    public LoadedTree loadDts(String displayName, String text) {
        Preprocessor cpp = new Preprocessor(preprocessorOptions(), cache);
        return compile(cpp.process(displayName, text));
    }

    private LoadedTree compile(PreprocessedSource source) {
        DtsCompiler compiler = new DtsCompiler(new IncbinLoader(options.includeDirs()), options.symbols(), force);
        DtsCompiler.Result result = compiler.compile(source.text(), source::posAt);
        applyBootCpuid(result.tree());
        List<Diagnostic> warnings = new ArrayList<>(source.diagnostics());
        warnings.addAll(result.diagnostics());
        return new LoadedTree(result.tree(), warnings, source.files(), false);
    }

    private LoadedTree loadDtb(Path input) {
        byte[] blob;
        try {
            blob = Files.readAllBytes(input);
        } catch (IOException e) {
            throw unreadable(input, e);
        }
        DeviceTree tree = DtbReader.read(blob, input.toString());
        applyBootCpuid(tree);
        return new LoadedTree(tree, List.of(), List.of(input), true);
    }

    private void applyBootCpuid(DeviceTree tree) {
        if (options.bootCpuid() != null) {
            tree.setBootCpuidPhys(options.bootCpuid());
        }
    }

    private PreprocessorOptions preprocessorOptions() {
        return new PreprocessorOptions(options.includeDirs(), withDtsDefine(options.defines()), options.undefs());
    }

    /** kbuild always passes -D__DTS__; put it first so the user's -U can still remove it. */
    private static List<String> withDtsDefine(List<String> defines) {
        List<String> all = new ArrayList<>(defines.size() + 1);
        all.add("__DTS__");
        all.addAll(defines);
        return all;
    }

    private static boolean isDtb(byte[] head) {
        if (head.length < 4) {
            return false;
        }
        int magic = ((head[0] & 0xff) << 24) | ((head[1] & 0xff) << 16) | ((head[2] & 0xff) << 8) | (head[3] & 0xff);
        return magic == FDT_MAGIC;
    }

    private static byte[] readHead(Path input) {
        try (var in = Files.newInputStream(input)) {
            return in.readNBytes(4);
        } catch (IOException e) {
            throw unreadable(input, e);
        }
    }

    private static InputException unreadable(Path input, IOException e) {
        String why = e instanceof NoSuchFileException ? "No such file or directory" : e.getMessage();
        if (Files.isDirectory(input)) {
            why = "is a directory";
        }
        return new InputException(SourcePos.ofFile(input.toString()), "cannot read input: " + why);
    }
}
