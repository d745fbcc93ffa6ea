package dev.dtprobe.diff;

/** The sections of a diff, in report order. */
public enum Category {
    PRESENCE("Devices in one boot only", "device"),
    BINDING("Binding", "state"),
    DEFERRAL("Deferral", "deferral"),
    TIMEOUT("Deferred-probe timeout", "timeout"),
    IOMMU("IOMMU", null),
    BIND_TIME("Bind time", "bound at");

    private final String title;
    private final String usualWhat;

    Category(String title, String usualWhat) {
        this.title = title;
        this.usualWhat = usualWhat;
    }

    /** The {@link Change#what()} every device change of this section has, or null when they vary. */
    public String usualWhat() {
        return usualWhat;
    }

    public String title() {
        return title;
    }

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
