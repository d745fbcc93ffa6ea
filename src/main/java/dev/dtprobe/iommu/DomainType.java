package dev.dtprobe.iommu;

/** IOMMU domain types (§5.5), with the words the kernel prints for them. */
public enum DomainType {
    DMA("Translated"),
    DMA_FQ("Translated"),
    IDENTITY("Passthrough"),
    BLOCKED("Blocked"),
    UNMANAGED("Unmanaged");

    private final String label;

    DomainType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
