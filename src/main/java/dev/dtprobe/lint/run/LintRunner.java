package dev.dtprobe.lint.run;

import dev.dtprobe.diag.Diagnostic;
import dev.dtprobe.diag.InputErrors;
import dev.dtprobe.diag.InputException;
import dev.dtprobe.diag.Severity;
import dev.dtprobe.frontend.LoadedTree;
import dev.dtprobe.frontend.TreeLoader;
import dev.dtprobe.frontend.cpp.SourceCache;
import dev.dtprobe.lint.Finding;
import dev.dtprobe.lint.LintContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lints many inputs: each is loaded the way dtc -f would (so dtc's error checks become
 * findings), linted, and its inline suppressions applied, on {@code jobs} threads that share
 * the header cache. Results come back in input order whatever order the threads finish in.
 * An input that cannot be read or parsed is recorded as such and the run goes on.
 */
public final class LintRunner {
    private final LintOptions options;
    private Progress progress = Progress.NONE;

    public LintRunner(LintOptions options) {
        this.options = options;
    }

    public LintRunner progress(Progress p) {
        this.progress = p;
        return this;
    }

    /**
     * @param inputs files to lint (directories already expanded)
     * @throws InputException when a config file is broken (nothing is linted then)
     */
    public LintResult run(List<Path> inputs) {
        LintSettings settings = new LintSettings(options);
        List<FileSettings> perInput = new ArrayList<>();
        for (Path in : inputs) {
            perInput.add(settings.forInput(in)); // config errors stop the run before any work
        }
        SourceCache cache = new SourceCache();
        Suppressor suppressor = new Suppressor(options.rules, new SourceComments());
        int threads = Math.max(1, Math.min(options.jobs, inputs.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "dtprobe-lint");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger finished = new AtomicInteger();
        progress.started(inputs.size());
        try {
            List<Future<FileResult>> futures = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                Path in = inputs.get(i);
                FileSettings s = perInput.get(i);
                futures.add(pool.submit(() -> {
                    try {
                        return lintOne(in, s, cache, suppressor);
                    } finally {
                        progress.done(finished.incrementAndGet(), inputs.size());
                    }
                }));
            }
            List<FileResult> results = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                results.add(await(futures.get(i), inputs.get(i)));
            }
            return new LintResult(results, options.rules, 0);
        } finally {
            pool.shutdownNow();
            progress.finished();
        }
    }

    private static FileResult lintOne(Path input, FileSettings s, SourceCache cache, Suppressor suppressor) {
        try {
            LoadedTree loaded = new TreeLoader(s.loadOptions(), cache).forced(true).load(input);
            LintContext ctx = new LintContext(loaded.tree(), input.toString(), s.booter(), loaded.warnings());
            List<Finding> findings = s.linter().lint(ctx);
            List<LintedFinding> marked = loaded.fromDtb() ? unsuppressed(findings)
                    : suppressor.apply(findings, loaded.files(), s.levels());
            return new FileResult(input, marked, List.of(), s.enabledRules(), s.failOn());
        } catch (InputErrors e) {
            return new FileResult(input, List.of(), e.errors(), s.enabledRules(), s.failOn());
        } catch (InputException e) {
            Diagnostic d = new Diagnostic(Severity.ERROR, e.pos(), e.getMessage(), null);
            return new FileResult(input, List.of(), List.of(d), s.enabledRules(), s.failOn());
        }
    }

    private static List<LintedFinding> unsuppressed(List<Finding> findings) {
        return findings.stream().map(f -> new LintedFinding(f, null)).toList();
    }

    private static FileResult await(Future<FileResult> f, Path input) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while linting " + input, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new IllegalStateException("while linting " + input + ": " + cause, cause);
        }
    }
}
