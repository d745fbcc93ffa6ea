package dev.dtprobe.lint;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a rule declares about itself: a stable kebab-case id, its default level, a one-line
 * summary, a longer description, an example DTS snippet that triggers it, the dtc check names
 * it answers to, and the rules that must pass before it runs (dtc's prerequisites).
 */
public record RuleInfo(String id, RuleLevel defaultLevel, RuleCategory category, String summary,
        String description, String example, List<String> aliases, List<String> prerequisites) {

    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public RuleInfo {
        Objects.requireNonNull(defaultLevel, "defaultLevel");
        Objects.requireNonNull(category, "category");
        if (id == null || !KEBAB.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id must be kebab-case: " + id);
        }
        if (summary == null || summary.isBlank() || summary.contains("\n")) {
            throw new IllegalArgumentException(id + ": summary must be one line");
        }
        description = description == null ? "" : description;
        example = example == null ? "" : example;
        aliases = List.copyOf(aliases);
        prerequisites = List.copyOf(prerequisites);
    }

    /** Starts a rule's metadata; the dtc alias defaults to nothing. */
    public static Builder builder(String id, RuleLevel defaultLevel, RuleCategory category) {
        return new Builder(id, defaultLevel, category);
    }

    /** Fluent construction, so each rule's declaration reads top to bottom. */
    public static final class Builder {
        private final String id;
        private final RuleLevel level;
        private final RuleCategory category;
        private String summary;
        private String description = "";
        private String example = "";
        private List<String> aliases = List.of();
        private List<String> prerequisites = List.of();

        private Builder(String id, RuleLevel level, RuleCategory category) {
            this.id = id;
            this.level = level;
            this.category = category;
        }

        public Builder summary(String s) {
            this.summary = s;
            return this;
        }

        public Builder description(String d) {
            this.description = d;
            return this;
        }

        public Builder example(String e) {
            this.example = e;
            return this;
        }

        /** dtc check names that select this rule in {@code -W}/{@code -E}/{@code -Wno-} flags. */
        public Builder aliases(String... names) {
            this.aliases = List.of(names);
            return this;
        }

        /** Rule ids that must report nothing for this rule's findings to count (dtc's prereqs). */
        public Builder prerequisites(String... ids) {
            this.prerequisites = List.of(ids);
            return this;
        }

        public RuleInfo build() {
            return new RuleInfo(id, level, category, summary, description, example, aliases, prerequisites);
        }
    }
}
