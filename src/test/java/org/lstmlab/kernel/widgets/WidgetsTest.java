package org.lstmlab.kernel.widgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/** The ipywidgets 8 messages the widgets send and answer, recorded from a registry without a kernel. */
class WidgetsTest {

    record Sent(String type, Map<String, Object> content, Map<String, Object> metadata, List<byte[]> buffers) {
        @SuppressWarnings("unchecked")
        Map<String, Object> data() {
            return (Map<String, Object>) content.get("data");
        }
    }

    final List<Sent> sent = new ArrayList<>();
    Comms comms;

    @BeforeEach
    void install() {
        comms = Comms.install(new Comms.Transport() {
            @Override
            public void send(String type, Map<String, Object> content, Map<String, Object> meta, List<byte[]> b) {
                sent.add(new Sent(type, content, meta, b));
            }

            @Override
            public String parentMessageId() {
                return "cell-1";
            }
        });
    }

    static XYChart line(double slope) {
        XYChart chart = new XYChartBuilder().width(200).height(150).build();
        chart.addSeries("y", new double[] {0, 1, 2}, new double[] {0, slope, 2 * slope});
        return chart;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSliderOpensItsCommWithTheModelsWholeState() {
        IntSlider lag = new IntSlider("lag k", 1, 50, 1, 10);
        Sent open = sent.get(1); // after its style's
        assertEquals("comm_open", open.type());
        assertEquals("jupyter.widget", open.content().get("target_name"));
        assertEquals(lag.modelId(), open.content().get("comm_id"));
        assertEquals(Map.of("version", "2.1.0"), open.metadata());
        Map<String, Object> state = (Map<String, Object>) open.data().get("state");
        assertEquals("IntSliderModel", state.get("_model_name"));
        assertEquals("@jupyter-widgets/controls", state.get("_model_module"));
        assertEquals("2.0.0", state.get("_model_module_version"));
        assertEquals(10, state.get("value"));
        assertEquals(50, state.get("max"));
        assertEquals("lag k", state.get("description"));
        String style = styleId(state);
        assertEquals(
                Map.of(style, "jupyter.widget", lag.modelId(), "jupyter.widget"), comms.openComms("jupyter.widget"));
    }

    /** The id of the style model a control's state names. */
    static String styleId(Map<String, Object> state) {
        String reference = (String) state.get("style");
        assertTrue(reference.startsWith("IPY_MODEL_"), reference);
        return reference.substring("IPY_MODEL_".length());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aControlsStyleIsOpenedFirstShowsTheWholeLabelAndGoesWithIt() {
        Dropdown<Integer> unit = new Dropdown<>("unit of the layer", List.of(0, 1, 2));
        FloatSlider f = new FloatSlider("forget gate f", 0.5, 0.99, 0.01, 0.95);
        Map<String, Object> styleState =
                (Map<String, Object>) sent.get(0).data().get("state");
        assertEquals("DescriptionStyleModel", styleState.get("_model_name"));
        assertEquals("StyleView", styleState.get("_view_name"));
        assertEquals("@jupyter-widgets/base", styleState.get("_view_module"));
        assertEquals("initial", styleState.get("description_width"), "the whole label shows, not 80 px of it");
        Map<String, Object> dropdown = (Map<String, Object>) sent.get(1).data().get("state");
        assertEquals(sent.get(0).content().get("comm_id"), styleId(dropdown));
        Map<String, Object> slider = (Map<String, Object>) sent.get(3).data().get("state");
        assertEquals(
                "SliderStyleModel", ((Map<String, Object>) sent.get(2).data().get("state")).get("_model_name"));
        assertEquals(f.modelId(), sent.get(3).content().get("comm_id"));
        unit.close();
        comms.closedByFrontEnd(f.modelId());
        assertEquals(Map.of(), comms.openComms(null), "a control's style is closed with it, from either side");
        assertTrue(slider.containsKey("style"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anUpdateFromTheFrontEndIsEchoedAppliedAndObserved() {
        FloatSlider rho = new FloatSlider("ρ", 0.5, 1.5, 0.05, 0.9);
        List<Double> seen = new ArrayList<>();
        rho.observe(seen::add);
        sent.clear();
        comms.messageFromFrontEnd(
                rho.modelId(),
                Map.of("method", "update", "state", Map.of("value", 1.2), "buffer_paths", List.of()),
                List.of());
        assertEquals(1.2, rho.value());
        assertEquals(List.of(1.2), seen);
        assertEquals("echo_update", sent.get(0).data().get("method"));
        assertEquals(Map.of("value", 1.2), sent.get(0).data().get("state"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aValueOutsideTheRangeFromTheFrontEndIsClampedAndSentBack() {
        FloatSlider rho = new FloatSlider("ρ", 0.5, 1.5, 0.05, 0.9);
        sent.clear();
        comms.messageFromFrontEnd(rho.modelId(), Map.of("method", "update", "state", Map.of("value", 7.0)), List.of());
        assertEquals(1.5, rho.value());
        assertEquals("update", sent.get(1).data().get("method"));
        assertEquals(Map.of("value", 1.5), sent.get(1).data().get("state"));
    }

    @Test
    void aSliderRefusesAValueOutsideItsRangeNamingBoth() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new FloatSlider("ρ", 0.5, 1.5, 0.05, 2.0));
        assertEquals("slider \"ρ\" goes from 0.5 to 1.5, but its value would be 2.0", e.getMessage());
    }

    @Test
    @SuppressWarnings("unchecked")
    void anImageSendsItsPngAsABinaryBufferNamedInBufferPaths() {
        ImageView view = new ImageView(line(1));
        Sent open = sent.get(0);
        assertEquals(List.of(List.of("value")), open.data().get("buffer_paths"));
        assertFalse(((Map<String, Object>) open.data().get("state")).containsKey("value"));
        assertArrayEquals(view.png(), open.buffers().get(0));
        assertEquals('P', open.buffers().get(0)[1]);
    }

    @Test
    void interactDrawsAgainWhenTheControlMovesAndTheNewPictureDiffers() {
        FloatSlider slope = new FloatSlider("slope", 0.0, 2.0, 0.1, 1.0);
        Interact interact = Widgets.interact(slope, WidgetsTest::line);
        byte[] before = interact.figure().png();
        sent.clear();
        comms.messageFromFrontEnd(
                slope.modelId(), Map.of("method", "update", "state", Map.of("value", 0.2)), List.of());
        byte[] after = interact.figure().png();
        assertFalse(java.util.Arrays.equals(before, after));
        Sent image = sent.stream()
                .filter(s -> s.content().get("comm_id").equals(interact.figure().modelId()))
                .findFirst()
                .orElseThrow();
        assertArrayEquals(after, image.buffers().get(0));
        assertTrue(interact.lastRedrawMillis() >= 0);
        assertEquals(0, interact.messages().size());
    }

    @Test
    void aFigureThatFailsLeavesThePictureAndSaysWhyBelowIt() {
        FloatSlider slope = new FloatSlider("slope", 0.0, 2.0, 0.1, 1.0);
        Interact interact = Widgets.interact(slope, s -> {
            if (s > 1.5) {
                throw new IllegalStateException("too steep");
            }
            return line(s);
        });
        byte[] before = interact.figure().png();
        slope.setValue(1.8);
        assertArrayEquals(before, interact.figure().png());
        assertEquals(1, interact.messages().size());
        slope.setValue(0.5);
        assertEquals(0, interact.messages().size());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDisplayCarriesTheWidgetViewAndTheStaticPicture() {
        Checkbox bound = new Checkbox("Pascanu bound", true);
        Interact interact = Widgets.interact(() -> line(bound.value() ? 1 : 2), bound);
        Map<String, Object> bundle = interact.mimeBundle();
        assertEquals(
                interact.modelId(),
                ((Map<String, Object>) bundle.get("application/vnd.jupyter.widget-view+json")).get("model_id"));
        assertEquals(
                java.util.Base64.getEncoder().encodeToString(interact.figure().png()), bundle.get("image/png"));
        String html = (String) bundle.get("text/html");
        assertTrue(
                html.startsWith("<img src=\"data:image/png;base64," + bundle.get("image/png") + "\" alt=\"A chart: "),
                "the static picture carries the chart's text alternative: " + html);
    }

    @Test
    @SuppressWarnings("unchecked")
    void requestStateIsAnsweredWithTheWholeStateAndItsBuffers() {
        ImageView view = new ImageView(line(1));
        sent.clear();
        comms.messageFromFrontEnd(view.modelId(), Map.of("method", "request_state"), List.of());
        assertEquals("update", sent.get(0).data().get("method"));
        assertEquals("ImageModel", ((Map<String, Object>) sent.get(0).data().get("state")).get("_model_name"));
        assertArrayEquals(view.png(), sent.get(0).buffers().get(0));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theControlCommAnswersRequestStatesWithEveryOpenWidget() {
        Dropdown<Integer> unit = new Dropdown<>("unit", List.of(0, 1, 2));
        ImageView view = new ImageView(line(1));
        sent.clear();
        comms.openedByFrontEnd("control-1", "jupyter.widget.control", Map.of(), List.of());
        comms.messageFromFrontEnd("control-1", Map.of("method", "request_states"), List.of());
        Map<String, Object> data = sent.get(0).data();
        assertEquals("update_states", data.get("method"));
        Map<String, Object> states = (Map<String, Object>) data.get("states");
        assertEquals(
                java.util.Set.of(
                        unit.modelId(),
                        styleId((Map<String, Object>) ((Map<String, Object>) states.get(unit.modelId())).get("state")),
                        view.modelId()),
                states.keySet());
        assertEquals("DropdownModel", ((Map<String, Object>) states.get(unit.modelId())).get("model_name"));
        assertEquals(List.of(List.of(view.modelId(), "state", "value")), data.get("buffer_paths"));
        assertArrayEquals(view.png(), sent.get(0).buffers().get(0));
    }

    @Test
    void closingACommFromEitherSideFreesIt() {
        IntSlider a = new IntSlider("a", 0, 3, 1, 0);
        IntSlider b = new IntSlider("b", 0, 3, 1, 0);
        a.close();
        comms.closedByFrontEnd(b.modelId());
        assertTrue(a.isClosed() && b.isClosed());
        assertEquals(Map.of(), comms.openComms(null));
        assertEquals("comm_close", sent.get(sent.size() - 1).type());
    }

    @Test
    void aCommForAnUnknownTargetIsClosedAtOnce() {
        comms.openedByFrontEnd("x-1", "no.such.target", Map.of(), List.of());
        assertEquals("comm_close", sent.get(0).type());
        assertEquals(Map.of(), comms.openComms(null));
    }

    @Test
    void aDropdownsValueIsTheOptionAtTheIndexTheFrontEndSent() {
        Dropdown<String> length = new Dropdown<>("length", Map.of("short", "S"), "S");
        Dropdown<Integer> unit = new Dropdown<>("unit", List.of(4, 5, 6));
        comms.messageFromFrontEnd(unit.modelId(), Map.of("method", "update", "state", Map.of("index", 2.0)), List.of());
        assertEquals(6, unit.value());
        assertEquals("S", length.value());
        assertThrows(IllegalArgumentException.class, () -> unit.setValue(9));
    }

    @Test
    void anOutputCapturesUnderTheRequestBeingHandled() {
        Output out = new Output();
        List<Object> ids = new ArrayList<>();
        out.capture(() -> ids.add(out.state().get("msg_id")));
        assertEquals(List.of("cell-1"), ids);
        assertEquals("", out.state().get("msg_id"));
    }
}
