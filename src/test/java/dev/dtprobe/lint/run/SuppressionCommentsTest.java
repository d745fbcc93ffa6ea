package dev.dtprobe.lint.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuppressionCommentsTest {

    @Test
    void blockAndLineCommentsWithOneOrSeveralRules() {
        List<SuppressionComment> c = SuppressionComments.parse(String.join("\n",
                "\tuart@1000 { /* dtprobe: ignore[unit-address-vs-reg] firmware fixes it up */",
                "\t\treg = <1>; // dtprobe: ignore[rule-a, rule_b] two at once",
                "\t\tx = <1>; /*dtprobe:ignore[r]*/"));
        assertEquals(3, c.size());
        assertEquals(new SuppressionComment(1, 14, List.of("unit-address-vs-reg"), "firmware fixes it up", false), c.get(0));
        assertEquals(new SuppressionComment(2, 14, List.of("rule-a", "rule_b"), "two at once", false), c.get(1));
        assertEquals("", c.get(2).reason(), "a reason is optional");
    }

    @Test
    void aCommentAloneOnItsLineAlsoCoversTheNextLine() {
        List<SuppressionComment> c = SuppressionComments.parse("\t/* dtprobe: ignore[r] why */\n\tnode@1 {\n\tother {\r\n");
        assertTrue(c.get(0).standalone());
        assertTrue(c.get(0).covers(1));
        assertTrue(c.get(0).covers(2));
        assertFalse(c.get(0).covers(3));
        SuppressionComment trailing = SuppressionComments.parse("node@1 { // dtprobe: ignore[r] why").get(0);
        assertFalse(trailing.standalone());
        assertFalse(trailing.covers(2));
    }

    @Test
    void textOutsideCommentsIsNoSuppression() {
        assertEquals(List.of(), SuppressionComments.parse("\tlabel = \"dtprobe: ignore[r] not a comment\";"));
        assertEquals(List.of(), SuppressionComments.parse("\t/* closed */ s = \"dtprobe: ignore[r]\";"));
        assertEquals(List.of(), SuppressionComments.parse("\t/* dtprobe: ignore this */"));
    }
}
