package dev.dtprobe.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dtprobe.diag.InputException;
import dev.dtprobe.diag.SourcePos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One step of {@code dtprobe dma}: a map, unmap, translation or invalidation, from the command
 * line ({@code --map IOVA:PA:SIZE[:PERM]}, ...) or from a {@code --script} JSON file.
 */
record DmaStep(Op op, long iova, long pa, long size, boolean read, boolean write, String text) {

    enum Op { MAP, UNMAP, TRANSLATE, INVALIDATE }

    static DmaStep map(String spec) {
        String[] f = spec.split(":");
        if (f.length < 3 || f.length > 4) {
            throw bad("--map", "bad mapping '" + spec + "': expected IOVA:PA:SIZE[:PERM]");
        }
        String perm = f.length == 4 ? f[3] : "rw";
        return new DmaStep(Op.MAP, number("--map", f[0]), number("--map", f[1]), number("--map", f[2]),
                perm.contains("r"), perm.contains("w"), spec);
    }

    static DmaStep unmap(String spec) {
        String[] f = spec.split(":");
        if (f.length != 2) {
            throw bad("--unmap", "bad range '" + spec + "': expected IOVA:SIZE");
        }
        return new DmaStep(Op.UNMAP, number("--unmap", f[0]), 0, number("--unmap", f[1]), false, false, spec);
    }

    static DmaStep translate(String spec) {
        String[] f = spec.split(":");
        if (f.length > 2 || (f.length == 2 && !f[1].equals("r") && !f[1].equals("w"))) {
            throw bad("--translate", "bad access '" + spec + "': expected IOVA[:r|w]");
        }
        boolean write = f.length == 2 && f[1].equals("w");
        return new DmaStep(Op.TRANSLATE, number("--translate", f[0]), 0, 0, !write, write, spec);
    }

    /**
     * A JSON list of steps: {@code {"op":"map","iova":"0x1000","pa":"0x80001000","size":"0x1000",
     * "perm":"rw"}}, {@code {"op":"unmap","iova":...,"size":...}}, {@code {"op":"translate",
     * "iova":...,"access":"w"}}, {@code {"op":"invalidate"}}. Numbers may be JSON numbers or strings.
     */
    static List<DmaStep> script(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (JsonParseException e) {
            JsonLocation at = e.getLocation();
            throw new InputException(new SourcePos(file.toString(), at.getLineNr(), at.getColumnNr()),
                    "bad JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputException(SourcePos.ofFile(file.toString()), "cannot read script: " + e.getMessage());
        }
        if (root == null || !root.isArray()) {
            throw new InputException(SourcePos.ofFile(file.toString()), "a script is a JSON list of steps");
        }
        List<DmaStep> steps = new ArrayList<>();
        int i = 0;
        for (JsonNode s : root) {
            String where = file + " step " + i++;
            String op = s.path("op").asText("");
            steps.add(switch (op) {
                case "map" -> new DmaStep(Op.MAP, field(where, s, "iova"), field(where, s, "pa"), field(where, s, "size"),
                        s.path("perm").asText("rw").contains("r"), s.path("perm").asText("rw").contains("w"), s.toString());
                case "unmap" -> new DmaStep(Op.UNMAP, field(where, s, "iova"), 0, field(where, s, "size"), false, false,
                        s.toString());
                case "translate" -> {
                    boolean write = s.path("access").asText("r").equals("w");
                    yield new DmaStep(Op.TRANSLATE, field(where, s, "iova"), 0, 0, !write, write, s.toString());
                }
                case "invalidate" -> new DmaStep(Op.INVALIDATE, 0, 0, 0, false, false, s.toString());
                default -> throw bad(where, "unknown op '" + op + "' (map, unmap, translate, invalidate)");
            });
        }
        return steps;
    }

    private static long field(String where, JsonNode step, String name) {
        JsonNode v = step.get(name);
        if (v == null) {
            throw bad(where, "missing \"" + name + "\"");
        }
        return v.isNumber() ? v.asLong() : number(where, v.asText());
    }

    static long number(String where, String text) {
        try {
            String t = text.trim().toLowerCase(Locale.ROOT);
            return t.startsWith("0x") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw bad(where, "bad number '" + text + "'");
        }
    }

    private static InputException bad(String where, String message) {
        return new InputException(SourcePos.ofFile(where), message);
    }
}
