package org.lstmlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishUpdateDisplayData;
import org.junit.jupiter.api.Test;

class DisplaysTest {

    final List<ContentType<?>> published = new ArrayList<>();
    final ByteArrayOutputStream log = new ByteArrayOutputStream();
    final Displays displays = new Displays(this::publish, new PrintStream(log, true), new OutputIds(false)::display);

    <T extends ContentType<T>> boolean publish(T content) {
        published.add(content);
        return true;
    }

    static String text(ContentType<?> message) {
        return String.valueOf(((DisplayData) message).getData(MIMEType.parse("text/plain")));
    }

    @Test
    void displayPublishesDisplayDataUnderAFreshIdAndReturnsTheId() {
        String first = displays.display("one");
        String second = displays.display("two");
        assertNotEquals(first, second);
        assertTrue(published.get(0) instanceof PublishDisplayData);
        assertEquals(first, ((DisplayData) published.get(0)).getDisplayId());
        assertEquals("one", text(published.get(0)));
    }

    @Test
    void updateDisplayPublishesUpdateDisplayDataForTheSameId() {
        String id = displays.display("one");
        displays.update(id, "two");
        assertTrue(published.get(1) instanceof PublishUpdateDisplayData);
        assertEquals(id, ((DisplayData) published.get(1)).getDisplayId());
        assertEquals("two", text(published.get(1)));
    }

    @Test
    void updateDisplayOfAnIdThisSessionNeverGaveFailsNamingIt() {
        var e = assertThrows(IllegalArgumentException.class, () -> displays.update("made-up", "x"));
        assertTrue(e.getMessage().contains("\"made-up\""), e.getMessage());
        assertTrue(published.isEmpty());
    }

    @Test
    void requestedMimeTypesOfAStringCarryTheStringItself() {
        DisplayData data = Displays.data("<b>bold</b>", "text/html");
        assertEquals("<b>bold</b>", data.getData(MIMEType.parse("text/html")));
        assertFalse(data.hasDataForType(MIMEType.parse("text/plain")));
    }

    @Test
    void requestedMimeTypesOfAnObjectFilterWhatTheKernelRenders() {
        DisplayData data = Displays.data(new java.awt.image.BufferedImage(4, 3, 1), "image/png");
        assertTrue(data.hasDataForType(MIMEType.parse("image/png")));
        assertFalse(data.hasDataForType(MIMEType.parse("text/plain")));
        var e = assertThrows(IllegalArgumentException.class, () -> Displays.data(42, "image/svg+xml"));
        assertEquals("cannot show a Integer as image/svg+xml; this kernel makes text/plain of it", e.getMessage());
    }

    @Test
    void onlyTheIdReturnedByABareDisplayCallOfThisCellIsHidden() {
        String id = displays.display("x");
        assertTrue(displays.isIdOfBareDisplayCall("display(x)", id));
        assertTrue(displays.isIdOfBareDisplayCall("  display(chart, \"image/png\");\n", id));
        assertTrue(displays.isIdOfBareDisplayCall("Notebook.display(x);", id));
        assertFalse(displays.isIdOfBareDisplayCall("id", id), "a variable holding the id shows it");
        assertFalse(displays.isIdOfBareDisplayCall("display(x) + \"!\"", id + "!"));
        assertFalse(displays.isIdOfBareDisplayCall("// shown\nid", id));
        displays.cellStarted();
        assertFalse(displays.isIdOfBareDisplayCall("display(x)", id), "an id of an earlier cell");
    }

    @Test
    void aBareDisplayCallUnderOrBesideCommentsIsHiddenToo() {
        String id = displays.display("x");
        // JShell keeps the comment lines above a statement in its snippet's source (notebook 10's exercise cell)
        assertTrue(displays.isIdOfBareDisplayCall(
                "\n// your code as last saved; call it yourself with mine(E11)\ndisplay(expectedOutput(E11));\n", id));
        assertTrue(displays.isIdOfBareDisplayCall("/* the table */ display(check(\"E3\")); // then run it again", id));
        assertTrue(displays.isIdOfBareDisplayCall("display(\"http://example.org\") // a string with a slash pair", id));
        assertFalse(displays.isIdOfBareDisplayCall("// display(x)\nid", id), "a display call inside a comment");
    }

    @Test
    void aLiveLineIsOneDisplayUpdatedByEveryLaterText() {
        Consumer<String> line = displays.liveLine();
        line.accept("step 1");
        line.accept("step 2");
        line.accept("step 3");
        assertEquals(3, published.size());
        assertTrue(published.get(0) instanceof PublishDisplayData);
        assertTrue(published.get(2) instanceof PublishUpdateDisplayData);
        String id = ((DisplayData) published.get(0)).getDisplayId();
        assertEquals(id, ((DisplayData) published.get(2)).getDisplayId());
        assertEquals("step 3", text(published.get(2)));
    }

    @Test
    void aDisplayOutsideACellGoesToTheKernelLog() {
        Displays outside = new Displays(
                new Displays.Channel() {
                    @Override
                    public <T extends ContentType<T>> boolean publish(T content) {
                        return false;
                    }
                },
                new PrintStream(log, true),
                new OutputIds(false)::display);
        outside.display("late");
        assertEquals("display outside a cell: late\n", log.toString());
    }
}
