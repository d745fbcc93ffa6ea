package dev.dtprobe.report.lint;

import java.nio.file.Path;

/** File names as CI services want them: relative to the repository root, '/'-separated. */
final class ReportPaths {
    private ReportPaths() {
    }

    /** {@link #relative} as a URI reference (spaces and the like percent-encoded). */
    static String uri(Path root, String file) {
        String rel = relative(root, file);
        try {
            return new java.net.URI(null, null, rel, null).toASCIIString();
        } catch (java.net.URISyntaxException e) {
            return rel;
        }
    }

    /** {@code file} (as a finding names it) relative to {@code root}; unchanged if it is no path. */
    static String relative(Path root, String file) {
        try {
            Path abs = Path.of(file).toAbsolutePath().normalize();
            return root.toAbsolutePath().normalize().relativize(abs).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return file;
        }
    }
}
