package dev.dtprobe.translate.xen;

/** The backend's access to a granted page. */
public enum Access {
    READ, WRITE
}
