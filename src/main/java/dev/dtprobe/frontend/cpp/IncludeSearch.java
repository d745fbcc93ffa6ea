package dev.dtprobe.frontend.cpp;

import java.nio.file.Path;
import java.util.List;

/**
 * Where gcc's cpp finds an included file: absolute names as they are; {@code "quoted"} names in
 * the including file's directory first; then the {@code -I} directories in order, and
 * {@code #include_next} from the directory after the one that held the including file.
 */
final class IncludeSearch {

    /** A file found, with the index of the {@code -I} directory it came from (-1: none). */
    record Found(Path path, SourceCache.Entry entry, int dirIndex) {
    }

    private IncludeSearch() {
    }

    /** The file {@code name} names, or null if there is none (or the name is not a path). */
    static Found find(String name, boolean angled, boolean next, Path includer, int includerDirIndex,
            List<Path> dirs, SourceCache cache) {
        Path np;
        try {
            np = Path.of(name);
        } catch (RuntimeException notAPath) {
            return null;
        }
        if (np.isAbsolute()) {
            return readable(np, -1, cache);
        }
        int from = 0;
        if (next) {
            from = includerDirIndex + 1;
        } else if (!angled) {
            Path parent = includer.getParent();
            Found beside = readable(parent == null ? np : parent.resolve(np), -1, cache);
            if (beside != null) {
                return beside;
            }
        }
        for (int i = from; i < dirs.size(); i++) {
            Found inDir = readable(dirs.get(i).resolve(np), i, cache);
            if (inDir != null) {
                return inDir;
            }
        }
        return null;
    }

    private static Found readable(Path candidate, int dirIndex, SourceCache cache) {
        SourceCache.Entry entry = cache.get(candidate);
        return entry.text == null ? null : new Found(candidate, entry, dirIndex);
    }
}
