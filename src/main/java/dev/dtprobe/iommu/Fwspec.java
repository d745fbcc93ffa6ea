package dev.dtprobe.iommu;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A device's {@code iommu_fwspec} (§5.2): the first IOMMU instance that translated it and the
 * IDs every {@code iommus} entry added. A null instance is the "remembered target" the kernel
 * keeps while the IOMMU is not registered yet.
 */
public final class Fwspec {
    private final IommuInstance instance;
    private final String targetPath;
    private final List<Long> ids = new ArrayList<>();

    Fwspec(IommuInstance instance, String targetPath) {
        this.instance = instance;
        this.targetPath = targetPath;
    }

    /** The instance whose ops serve the device, or null while it is not registered. */
    public IommuInstance instance() {
        return instance;
    }

    /** The DT path of the first IOMMU named by the device. */
    public String targetPath() {
        return targetPath;
    }

    public List<Long> ids() {
        return Collections.unmodifiableList(ids);
    }

    void addId(long id) {
        ids.add(id);
    }
}
