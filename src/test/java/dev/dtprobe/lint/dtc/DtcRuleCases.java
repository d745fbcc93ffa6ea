package dev.dtprobe.lint.dtc;

import java.util.ArrayList;
import java.util.List;

/**
 * A positive and a negative DTS snippet for every dtc rule, with the findings expected from
 * linting the snippet with only that rule enabled. The expected texts were copied from dtc 1.6.1
 * ({@code dtc -f -I dts -O dtb -o /dev/null}); {@link DtcOracleTest} re-checks every snippet
 * against /usr/bin/dtc where it is installed.
 */
final class DtcRuleCases {
    /**
     * @param rule     the rule id linted alone (its prerequisites run silently)
     * @param dts      the snippet after {@code /dts-v1/;}
     * @param expected {@code /path[:prop]: message} lines, or {@code /: Failed prerequisite 'id'}
     */
    record Case(String rule, String dts, List<String> expected) {
        boolean positive() {
            return !expected.isEmpty();
        }

        @Override
        public String toString() {
            return rule + (positive() ? " fires on " : " is quiet on ") + dts;
        }
    }

    private final List<Case> cases = new ArrayList<>();

    private DtcRuleCases fires(String rule, String dts, String... expected) {
        cases.add(new Case(rule, dts, List.of(expected)));
        return this;
    }

    private DtcRuleCases quiet(String rule, String dts) {
        cases.add(new Case(rule, dts, List.of()));
        return this;
    }

    static List<Case> all() {
        DtcRuleCases c = new DtcRuleCases();
        c.names();
        c.phandles();
        c.types();
        c.chosenAndAliases();
        c.phandleLists();
        c.interrupts();
        return List.copyOf(c.cases);
    }

    private void names() {
        fires("duplicate-node-names", "/ { a { }; a { }; };", "/a: Duplicate node name");
        // dtc compares every pair: the third namesake is reported twice
        fires("duplicate-node-names", "/ { a { }; a { }; a { }; };",
                "/a: Duplicate node name", "/a: Duplicate node name", "/a: Duplicate node name");
        quiet("duplicate-node-names", "/ { a { }; a@1 { reg = <1>; }; }; / { a { x; }; };");

        fires("duplicate-property-names", "/ { x { p = <1>; p = <2>; }; };", "/x:p: Duplicate property name");
        quiet("duplicate-property-names", "/ { x { p = <1>; }; }; / { x { p = <2>; }; };");

        fires("node-name-chars", "/ { b#c { }; };", "/b#c: Bad character '#' in node name");
        quiet("node-name-chars", "/ { b-c,d.e_f+g { }; };");

        fires("node-name-format", "/ { d@1@2 { }; };", "/d@1@2: multiple '@' characters in node name");
        quiet("node-name-format", "/ { d@1 { reg = <1>; }; };");

        fires("property-name-chars", "/ { e { na@me = <1>; }; };", "/e:na@me: Bad character '@' in property name");
        quiet("property-name-chars", "/ { e { a,b.c_d+e*f#g?h-i = <1>; }; };");

        fires("name-is-string", "/ { e { name = <1>; }; };", "/e:name: property is not a string");
        quiet("name-is-string", "/ { e { name = \"e\"; }; f { name = \"g\"; }; };");

        fires("name-properties", "/ { f { name = \"g\"; }; };",
                "/f: \"name\" property is incorrect (\"g\" instead of base node name)");
        fires("name-properties", "/ { e { name = <1>; }; };", "/: Failed prerequisite 'name-is-string'");
        quiet("name-properties", "/ { f { name = \"f\"; }; };");

        fires("node-name-vs-property-name", "/ { foo = <1>; foo { }; };", "/foo: node name and property name conflict");
        quiet("node-name-vs-property-name", "/ { foo = <1>; foo@1 { reg = <1>; }; bar { foo { }; }; };");

        fires("duplicate-label", "/ { l1: n1 { }; l1: n2 { }; };", "/n2: Duplicate label 'l1' on /n2 and /n1");
        fires("duplicate-label", "/ { lp: n3 { q = <0>; lp: r = <1>; s = <1 lv: 2>; }; lv: n4 { }; };",
                "/n3: Duplicate label 'lp' on 'r' in /n3 and /n3",
                "/n3: Duplicate label 'lv' on value of 's' in /n3 and /n4");
        fires("duplicate-label", "/ { n3 { lp: r = <1>; s = <1 lp: 2>; }; };",
                "/n3: Duplicate label 'lp' on value of 's' in /n3 and 'r' in /n3");
        quiet("duplicate-label", "/ { l1: n1 { }; }; &l1 { x; }; / { l1: n1 { }; };");

        fires("node-name-chars-strict", "/ { a_b@1_2 { reg = <1>; }; c.d { }; e+f { }; };",
                "/a_b@1_2: Character '_' not recommended in node name",
                "/c.d: Character '.' not recommended in node name",
                "/e+f: Character '+' not recommended in node name");
        quiet("node-name-chars-strict", "/ { a-b,c@1_2 { reg = <1>; }; };");

        fires("property-name-chars-strict", "/ { g { a_b = <1>; a#b = <1>; #a#b = <1>; a.b; a?b; c*d; }; };",
                "/g:a_b: Character '_' not recommended in property name",
                "/g:a#b: Character '#' not recommended in property name",
                "/g:#a#b: Character '#' not recommended in property name",
                "/g:a.b: Character '.' not recommended in property name",
                "/g:a?b: Character '?' not recommended in property name",
                "/g:c*d: Character '*' not recommended in property name");
        quiet("property-name-chars-strict", "/ { g { device_type = \"x\"; #x = <1>; v,#y = <1>; a-b,c = <1>; }; };");
    }

    private void phandles() {
        fires("explicit-phandles", "/ { ph1 { phandle = <1 2>; }; };", "/ph1:phandle: bad length (8) phandle property");
        fires("explicit-phandles", "/ { ph2 { linux,phandle = <0>; }; };",
                "/ph2:linux,phandle: bad value (0x0) in linux,phandle property");
        fires("explicit-phandles", "/ { ph3 { phandle = <5>; linux,phandle = <6>; }; };",
                "/ph3: mismatching 'phandle' and 'linux,phandle' properties");
        fires("explicit-phandles", "/ { ph3 { phandle = <5>; }; ph4 { phandle = <5>; }; };",
                "/ph4: duplicated phandle 0x5 (seen before at /ph3)");
        fires("explicit-phandles", "/ { l1: n1 { }; ph5 { phandle = <&l1>; }; };",
                "/ph5: phandle is a reference to another node");
        quiet("explicit-phandles", "/ { me: n { phandle = <&me>; }; m { phandle = <7>; linux,phandle = <7>; }; };");

        fires("phandle-references", "/ { refs { a = <&nope>; }; };",
                "/refs: Reference to non-existent node or label \"nope\"");
        fires("phandle-references", "/ { refs { c = <&{/x}>; }; };",
                "/refs: Reference to non-existent node or label \"/x\"");
        fires("phandle-references", "/ { a { }; a { }; r { p = <&nope>; }; };",
                "/: Failed prerequisite 'duplicate-node-names'");
        quiet("phandle-references", "/ { l: x { }; refs { a = <&l &{/x}>; }; };");
        quiet("phandle-references", "/plugin/; / { refs { a = <&external>; }; };");

        fires("path-references", "/ { refs { b = &nope2; }; };",
                "/refs: Reference to non-existent node or label \"nope2\"");
        quiet("path-references", "/ { l: x { }; refs { b = &l; c = &{/x}; }; };");

        fires("omit-unused-nodes", "/ { dev { clocks = <&missing>; }; };",
                "/: Failed prerequisite 'phandle-references'");
        quiet("omit-unused-nodes", "/ { /omit-if-no-ref/ a { }; l: b { }; c { p = <&l>; }; };");
    }

    private void types() {
        fires("address-cells-is-cell", "/ { x { #address-cells = <1 2>; }; };",
                "/x:#address-cells: property is not a single cell");
        quiet("address-cells-is-cell", "/ { x { #address-cells = <1>; }; };");
        fires("size-cells-is-cell", "/ { x { #size-cells = [00]; }; };",
                "/x:#size-cells: property is not a single cell");
        quiet("size-cells-is-cell", "/ { x { #size-cells = <0>; }; };");
        fires("device-type-is-string", "/ { x { device_type = <1>; }; };", "/x:device_type: property is not a string");
        quiet("device-type-is-string", "/ { x { device_type = \"serial\"; }; };");
        fires("model-is-string", "/ { model = \"a\", \"b\"; };", "/:model: property is not a string");
        quiet("model-is-string", "/ { model = \"a\"; };");
        fires("status-is-string", "/ { x { status = [61 00 00]; }; };", "/x:status: property is not a string");
        quiet("status-is-string", "/ { x { status = \"\"; }; };");
        fires("label-is-string", "/ { x { label; }; };", "/x:label: property is not a string");
        quiet("label-is-string", "/ { x { label = \"a\"; }; };");
        fires("compatible-is-string-list", "/ { x { compatible = \"a\", <1>; }; };",
                "/x:compatible: property is not a string list");
        quiet("compatible-is-string-list", "/ { x { compatible = \"a\", \"b\"; }; y { compatible; }; };");
        fires("names-is-string-list", "/ { x { reg-names = [61 00 62]; e-names = <1>; }; };",
                "/x:reg-names: property is not a string list", "/x:e-names: property is not a string list");
        quiet("names-is-string-list", "/ { x { clock-names = \"a\", \"b\"; e-names; names = <1>; }; };");
    }

    private void chosenAndAliases() {
        fires("obsolete-chosen-interrupt-controller", "/ { chosen { interrupt-controller; }; };",
                "/:interrupt-controller: /chosen has obsolete \"interrupt-controller\" property");
        quiet("obsolete-chosen-interrupt-controller", "/ { chosen { }; x { chosen { interrupt-controller; }; }; };");
        fires("chosen-node-is-root", "/ { x { chosen { }; }; };", "/x/chosen: chosen node must be at root node");
        quiet("chosen-node-is-root", "/ { chosen { }; x { chosen-x { }; }; };");
        fires("chosen-node-bootargs", "/ { chosen { bootargs = <1>; }; };",
                "/chosen:bootargs: property is not a string");
        quiet("chosen-node-bootargs", "/ { chosen { bootargs = \"console=ttyS0\"; }; x { bootargs = <1>; }; };");
        fires("chosen-node-stdout-path", "/ { chosen { linux,stdout-path = <1>; }; };",
                "/chosen:linux,stdout-path: Use 'stdout-path' instead",
                "/chosen:linux,stdout-path: property is not a string");
        fires("chosen-node-stdout-path", "/ { chosen { stdout-path = <1>; }; };",
                "/chosen:stdout-path: property is not a string");
        quiet("chosen-node-stdout-path", "/ { chosen { linux,stdout-path = <1>; stdout-path = \"/\"; }; };");

        fires("alias-paths", "/ { x { }; aliases { a = \"/x\"; b = \"/y\"; dA = \"/x\"; e; }; };",
                "/aliases:b: aliases property is not a valid node (/y)",
                "/aliases: aliases property name must include only lowercase and '-'",
                "/aliases:e: aliases property is not a valid node ((null))");
        fires("alias-paths", "/ { x { aliases { b = \"/y\"; }; }; };",
                "/x/aliases:b: aliases property is not a valid node (/y)");
        // dtc's path lookup also takes paths without the leading '/' and "" (the root)
        quiet("alias-paths",
                "/ { l: x { y { }; }; aliases { a = \"/x\"; c = \"x\"; f = \"\"; g = &l; h = \"/x/y\"; "
                        + "phandle = <1>; }; };");

        fires("always-fail", "/ { a { }; };", "/: always_fail check", "/a: always_fail check");
    }

    private void phandleLists() {
        for (PhandleProvider p : PhandleProvider.ALL) {
            String property = DtcCheck.idOf(p.propertyCheck());
            String isCell = DtcCheck.idOf(p.isCellCheck());
            String provider = "p: provider { " + p.cellsProperty() + " = <1>; }; ";
            fires(property, "/ { " + provider + "consumer { " + p.property() + " = <&p>; }; };",
                    "/consumer:" + p.property() + ": property size (4) too small for cell size 1");
            quiet(property, "/ { " + provider + "consumer { " + p.property() + " = <&p 5 0 &p 6>; }; };");
            fires(isCell, "/ { provider { " + p.cellsProperty() + " = <1 1>; }; };",
                    "/provider:" + p.cellsProperty() + ": property is not a single cell");
            quiet(isCell, "/ { provider { " + p.cellsProperty() + " = <1>; }; };");
        }
        fires("clocks-property", "/ { c: c { }; d { clocks = <&c 1 2>; }; };",
                "/d: Missing property '#clock-cells' in node /c or bad phandle (referred from clocks[0])");
        fires("clocks-property", "/ { c: c { #clock-cells = <1>; }; d { clocks = <&c 1 2>; }; };",
                "/d:clocks: cell 2 is not a phandle reference", "/d:clocks: Could not get phandle node for (cell 2)");
        fires("clocks-property", "/ { c: c { #clock-cells = <0>; }; d { clocks = [00 00 00 01 02]; }; };",
                "/d:clocks: property size (5) is invalid, expected multiple of 4");
        fires("clocks-property", "/ { c: c { #clock-cells = <0>; phandle = <1>; }; d { clocks = <1>; }; };",
                "/d:clocks: cell 0 is not a phandle reference");
        fires("clocks-property", "/ { c: c { #clock-cells = <1 2>; }; d { clocks = <&c 1>; }; };",
                "/: Failed prerequisite 'clocks-is-cell'");
        // dtc 1.6.1 reads the count as a signed int
        fires("clocks-property", "/ { c: c { #clock-cells = <0xfffffff0>; }; d { clocks = <&c 1>; }; };",
                "/d:clocks: property size (8) too small for cell size -16");
        quiet("clocks-property", "/ { c: c { #clock-cells = <0>; }; d { clocks = <&c 0xffffffff &c>; }; };");
        quiet("msi-parent-property", "/ { m: m { }; d { msi-parent = <&m>; }; };");

        fires("gpios-property", "/ { g: g { #gpio-cells = <2>; }; "
                + "d { reset-gpios = <&g 1>; enable-gpio = <&g 1 2>; gpios = <&g>; gpio = <&g 1 2>; "
                + "foo,nr-gpios = <3>; }; };",
                "/d:reset-gpios: property size (8) too small for cell size 2",
                "/d:gpios: property size (4) too small for cell size 2");
        quiet("gpios-property", "/ { g: g { #gpio-cells = <2>; }; h { gpio-hog; gpios = <1>; }; "
                + "d { foo,nr-gpios = <3>; x-gpios = <&g 1 2>; }; };");
        fires("deprecated-gpio-property",
                "/ { g: g { #gpio-cells = <2>; }; d { enable-gpio = <&g 1 2>; gpio = <&g 1 2>; }; };",
                "/d:enable-gpio: '[*-]gpio' is deprecated, use '[*-]gpios' instead",
                "/d:gpio: '[*-]gpio' is deprecated, use '[*-]gpios' instead");
        quiet("deprecated-gpio-property",
                "/ { g: g { #gpio-cells = <2>; }; d { gpios = <&g 1 2>; gpio-line-names = \"a\"; }; };");
    }

    private void interrupts() {
        String ic = "ic: ic { interrupt-controller; #interrupt-cells = <2>; #address-cells = <0>; }; ";
        fires("interrupts-property", "/ { " + ic + "d { interrupt-parent = <&ic>; interrupts = <1>; }; };",
                "/d:#interrupt-cells: size is (4), expected multiple of 8");
        fires("interrupts-property", "/ { " + ic + "d { interrupt-parent = <&ic>; interrupts = [01 02 03]; }; };",
                "/d:interrupts: size (3) is invalid, expected multiple of 4",
                "/d:#interrupt-cells: size is (3), expected multiple of 8");
        fires("interrupts-property",
                "/ { ic: ic { #interrupt-cells = <2>; }; d { interrupt-parent = <&ic>; interrupts = <1 2>; }; };",
                "/ic: Missing interrupt-controller or interrupt-map property");
        fires("interrupts-property", "/ { d { interrupts = <1 2>; }; };", "/d: Missing interrupt-parent");
        fires("interrupts-property", "/ { d { interrupt-parent = <0>; interrupts = <1 2>; }; };",
                "/d:interrupt-parent: Invalid phandle", "/d: Missing interrupt-parent");
        fires("interrupts-property", "/ { d { interrupt-parent = <7>; interrupts = <1 2>; }; };",
                "/d:interrupt-parent: Bad phandle");
        fires("interrupts-property",
                "/ { ic { interrupt-controller; #interrupt-cells = <2>; #address-cells = <0>; "
                        + "d { interrupts = <1>; }; }; };",
                "/ic/d:#interrupt-cells: size is (4), expected multiple of 8");
        quiet("interrupts-property", "/ { interrupt-parent = <&ic>; " + ic + "d { interrupts = <1 2 3 4>; }; };");

        fires("interrupt-provider", "/ { ic { interrupt-controller; }; };",
                "/ic: Missing #interrupt-cells in interrupt provider",
                "/ic: Missing #address-cells in interrupt provider");
        fires("interrupt-provider", "/ { ic { interrupt-map; #interrupt-cells = <1>; }; };",
                "/ic: Missing #address-cells in interrupt provider");
        // 1.6.1 does not report #interrupt-cells on a node that is no provider (1.7 does)
        quiet("interrupt-provider",
                "/ { ic { interrupt-controller; #interrupt-cells = <1>; #address-cells = <0>; }; "
                        + "x { #interrupt-cells = <1>; }; };");
    }
}
