package dev.dtprobe.iommu;

import dev.dtprobe.kernel.DmaMaster;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An IOMMU group (§5.4–5.6): its devices, its default domain, and the DMA-ownership state that
 * decides whether a driver may bind (owner_cnt, owner cookie).
 */
public final class IommuGroup {
    private final int id;
    private final IommuInstance iommu;
    private final List<DmaMaster> devices = new ArrayList<>();
    private DomainType defaultDomain;
    private int ownerCount;
    private String owner;

    IommuGroup(int id, IommuInstance iommu) {
        this.id = id;
        this.iommu = iommu;
    }

    public int id() {
        return id;
    }

    public IommuInstance iommu() {
        return iommu;
    }

    public List<DmaMaster> devices() {
        return Collections.unmodifiableList(devices);
    }

    public DomainType defaultDomain() {
        return defaultDomain;
    }

    public int ownerCount() {
        return ownerCount;
    }

    /** The claiming owner (VFIO), or null when the kernel DMA API owns the group. */
    public String owner() {
        return owner;
    }

    void add(DmaMaster dev) {
        devices.add(dev);
    }

    void remove(DmaMaster dev) {
        devices.remove(dev);
    }

    void setDefaultDomain(DomainType type) {
        defaultDomain = type;
    }

    void incrementOwners() {
        ownerCount++;
    }

    void decrementOwners() {
        ownerCount = Math.max(0, ownerCount - 1);
        if (ownerCount == 0) {
            owner = null;
        }
    }

    void setOwner(String owner) {
        this.owner = owner;
    }
}
