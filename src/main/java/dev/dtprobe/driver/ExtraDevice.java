package dev.dtprobe.driver;

import dev.dtprobe.diag.InputException;
import dev.dtprobe.diag.SourcePos;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A device the DT does not describe but a bus driver finds at probe time: a PCI function on the
 * first host bridge, or an fsl-mc (DPAA2) object that the management complex reports.
 *
 * @param bus         PCI or FSL_MC
 * @param name        PCI {@code BB:DD.F} or fsl-mc {@code dpni.0}
 * @param id          PCI requester ID ({@code bus << 8 | devfn}) or the object's ICID
 * @param compatible  what drivers match: {@code pciVVVV,DDDD}, or {@code fsl-mc,<type>}
 * @param bridge      a PCI bridge (matched by pcieport), else false
 * @param upstream    the upstream bridge ({@code BB:DD.F}) or container ({@code dprc.1}), or null
 */
public record ExtraDevice(BusType bus, String name, int id, String compatible, boolean bridge, String upstream) {

    private static final Pattern PCI = Pattern.compile(
            "([0-9a-fA-F]{2}):([0-9a-fA-F]{2})\\.([0-7])(?:=([^@]+))?(?:@([0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7]))?");
    private static final Pattern FSL_MC = Pattern.compile(
            "([a-z]+)\\.([0-9]+):(0x[0-9a-fA-F]+|[0-9]+)(?:@([a-z]+\\.[0-9]+))?");

    /**
     * {@code BB:DD.F=bridge}, {@code BB:DD.F=pciVVVV,DDDD} or {@code BB:DD.F} (a function no
     * driver knows), optionally {@code @BB:DD.F} naming the upstream bridge.
     */
    public static ExtraDevice parsePci(String spec) {
        Matcher m = PCI.matcher(spec.trim());
        if (!m.matches()) {
            throw bad("--pci", spec, "expected BB:DD.F[=bridge|=pciVVVV,DDDD][@BB:DD.F], e.g. 01:00.0=pci15b3,1017@00:00.0");
        }
        int bus = Integer.parseInt(m.group(1), 16);
        int dev = Integer.parseInt(m.group(2), 16);
        int fn = Integer.parseInt(m.group(3));
        if (dev > 0x1f) {
            throw bad("--pci", spec, "device number must be 00..1f");
        }
        String what = m.group(4);
        boolean bridge = "bridge".equals(what);
        String compatible = bridge || what == null ? null : what;
        String name = String.format("%02x:%02x.%d", bus, dev, fn);
        return new ExtraDevice(BusType.PCI, name, (bus << 8) | (dev << 3) | fn, compatible, bridge,
                m.group(5) == null ? null : m.group(5).toLowerCase(java.util.Locale.ROOT));
    }

    /** {@code TYPE.N:ICID[@CONTAINER]}, e.g. {@code dprc.1:0x17} or {@code dpni.0:0x17@dprc.1}. */
    public static ExtraDevice parseFslMc(String spec) {
        Matcher m = FSL_MC.matcher(spec.trim());
        if (!m.matches()) {
            throw bad("--fsl-mc", spec, "expected TYPE.N:ICID[@dprc.N], e.g. dpni.0:0x17@dprc.1");
        }
        String icid = m.group(3);
        int id = icid.startsWith("0x") ? Integer.parseInt(icid.substring(2), 16) : Integer.parseInt(icid);
        return new ExtraDevice(BusType.FSL_MC, m.group(1) + "." + m.group(2), id, "fsl-mc," + m.group(1), false,
                m.group(4));
    }

    private static InputException bad(String option, String spec, String why) {
        return new InputException(SourcePos.ofFile(option), "bad device '" + spec + "': " + why);
    }
}
