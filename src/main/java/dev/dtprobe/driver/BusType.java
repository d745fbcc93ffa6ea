package dev.dtprobe.driver;

/** The buses devices and drivers live on; a driver only matches devices of its own bus. */
public enum BusType {
    PLATFORM, AMBA, PCI, FSL_MC, I2C, SPI, VIRTIO, RPMSG
}
