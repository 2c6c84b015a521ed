package org.lstmlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Comms and ipywidgets 8 as a front end's widget manager speaks them (jupyter_client, through kernel_widgets.py):
 * a widget's comm opens with its model's state, an update from the front end changes the value and the kernel
 * answers with an echo and a new image whose bytes differ, a reloaded page gets every state back, closing a comm
 * from either side frees it, and comm_info lists what is open.
 */
class KernelWidgetsIT {

    static final Path SCRIPT = Jupyter.TEST_NOTEBOOKS.resolve("kernel_widgets.py");

    @TempDir
    static Path home;

    static JsonObject results;

    @BeforeAll
    static void talkToTheKernel() throws Exception {
        results = KernelProtocolIT.talk(SCRIPT, home, Jupyter.currentJavaHome());
    }

    static List<JsonObject> iopub(String step) {
        List<JsonObject> messages = new ArrayList<>();
        results.getAsJsonObject(step).getAsJsonArray("iopub").forEach(m -> messages.add(m.getAsJsonObject()));
        return messages;
    }

    static List<JsonObject> ofType(String step, String type) {
        return iopub(step).stream()
                .filter(m -> m.get("msg_type").getAsString().equals(type))
                .toList();
    }

    static String id(String which) {
        return results.getAsJsonObject("ids").get(which).getAsString();
    }

    static JsonObject data(JsonObject message) {
        return message.getAsJsonObject("content").getAsJsonObject("data");
    }

    static JsonObject openComms(String step) {
        JsonObject reply = results.getAsJsonObject(step);
        assertEquals("ok", reply.get("status").getAsString(), reply.toString());
        return reply.getAsJsonObject("comms");
    }

    static JsonObject openOf(String modelName) {
        return ofType("build", "comm_open").stream()
                .filter(m -> data(m).getAsJsonObject("state")
                        .get("_model_name")
                        .getAsString()
                        .equals(modelName))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no comm_open of a " + modelName + ": " + iopub("build")));
    }

    @Test
    void aWidgetsCommOpensWithTheModelsStateAndTheProtocolVersion() {
        JsonObject slider = openOf("FloatSliderModel");
        assertEquals(
                "jupyter.widget",
                slider.getAsJsonObject("content").get("target_name").getAsString());
        assertEquals("2.1.0", slider.getAsJsonObject("metadata").get("version").getAsString());
        JsonObject state = data(slider).getAsJsonObject("state");
        assertEquals("@jupyter-widgets/controls", state.get("_model_module").getAsString());
        assertEquals("2.0.0", state.get("_model_module_version").getAsString());
        assertEquals(1.0, state.get("value").getAsDouble());
        assertEquals("slope", state.get("description").getAsString());
        JsonObject image = openOf("ImageModel");
        assertEquals("[[\"value\"]]", data(image).get("buffer_paths").toString());
        assertEquals(
                "[137,80,78,71]",
                image.getAsJsonArray("buffers")
                        .get(0)
                        .getAsJsonObject()
                        .get("head")
                        .toString());
        JsonObject box = openOf("VBoxModel");
        assertTrue(data(box).getAsJsonObject("state").get("children").toString().contains("IPY_MODEL_" + id("image")));
    }

    @Test
    void theCellShowsTheWidgetViewAndTheFigureAsAPictureForNotebooksWithoutWidgets() {
        JsonObject result = ofType("build", "execute_result").get(0);
        JsonObject shown = result.getAsJsonObject("content").getAsJsonObject("data");
        String model =
                openOf("VBoxModel").getAsJsonObject("content").get("comm_id").getAsString();
        assertEquals(
                model,
                shown.getAsJsonObject("application/vnd.jupyter.widget-view+json")
                        .get("model_id")
                        .getAsString());
        assertTrue(shown.get("image/png").getAsString().startsWith("iVBORw0KGgo"), shown.toString());
    }

    @Test
    void anUpdateFromTheFrontEndIsEchoedChangesTheValueAndDrawsANewImage() {
        List<JsonObject> messages = ofType("update", "comm_msg");
        JsonObject echo = messages.get(0);
        assertEquals(
                id("slider"), echo.getAsJsonObject("content").get("comm_id").getAsString());
        assertEquals("echo_update", data(echo).get("method").getAsString());
        assertEquals(0.3, data(echo).getAsJsonObject("state").get("value").getAsDouble());
        JsonObject drawn = messages.stream()
                .filter(m -> m.getAsJsonObject("content")
                        .get("comm_id")
                        .getAsString()
                        .equals(id("image")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no new image: " + messages));
        assertEquals("update", data(drawn).get("method").getAsString());
        String before = openOf("ImageModel")
                .getAsJsonArray("buffers")
                .get(0)
                .getAsJsonObject()
                .get("sha256")
                .getAsString();
        String after = drawn.getAsJsonArray("buffers")
                .get(0)
                .getAsJsonObject()
                .get("sha256")
                .getAsString();
        assertNotEquals(before, after, "the image's bytes should differ after the slider moved");
        String value = ofType("value after update", "execute_result")
                .get(0)
                .getAsJsonObject("content")
                .getAsJsonObject("data")
                .get("text/plain")
                .getAsString();
        assertEquals("0.3", value);
        assertTrue(
                ofType("update", "error").isEmpty()
                        && ofType("update", "stream").isEmpty(),
                iopub("update").toString());
    }

    @Test
    void requestStateIsAnsweredWithTheWholeStateAndTheImagesBuffer() {
        JsonObject update = ofType("request_state", "comm_msg").get(0);
        assertEquals("update", data(update).get("method").getAsString());
        assertEquals(
                "ImageModel",
                data(update).getAsJsonObject("state").get("_model_name").getAsString());
        assertEquals(1, update.getAsJsonArray("buffers").size());
    }

    @Test
    void theControlCommAnswersRequestStatesWithEveryWidgetSoAReloadedPageShowsThem() {
        assertTrue(ofType("control open", "comm_close").isEmpty(), "the control target is known");
        JsonObject states = ofType("request_states", "comm_msg").get(0);
        assertEquals(
                "control-1", states.getAsJsonObject("content").get("comm_id").getAsString());
        assertEquals("update_states", data(states).get("method").getAsString());
        JsonObject all = data(states).getAsJsonObject("states");
        assertEquals(5, all.size(), all.keySet().toString()); // slider and its style, image, output, column
        assertEquals(
                "FloatSliderModel",
                all.getAsJsonObject(id("slider")).get("model_name").getAsString());
        assertEquals(
                0.3,
                all.getAsJsonObject(id("slider"))
                        .getAsJsonObject("state")
                        .get("value")
                        .getAsDouble());
        assertEquals(
                "[[\"" + id("image") + "\",\"state\",\"value\"]]",
                data(states).get("buffer_paths").toString());
    }

    @Test
    void commInfoListsTheOpenCommsFilteredByTarget() {
        JsonObject all = openComms("comm_info all");
        assertEquals(5, all.size(), all.toString()); // slider and its style, image, output, column
        all.entrySet()
                .forEach(e -> assertEquals(
                        "jupyter.widget",
                        e.getValue().getAsJsonObject().get("target_name").getAsString()));
        assertEquals(all.keySet(), openComms("comm_info widgets").keySet());
        assertEquals(0, openComms("comm_info other").size());
    }

    @Test
    void closingACommFromTheFrontEndOrTheKernelFreesIt() {
        JsonObject afterFrontEnd = openComms("comm_info after front end close");
        assertFalse(afterFrontEnd.has(id("slider")), afterFrontEnd.toString());
        assertFalse(afterFrontEnd.has("control-1"), "the control comm the front end closed is gone");
        assertEquals(3, afterFrontEnd.size());
        assertTrue(ofType("update after close", "comm_msg").isEmpty(), "a closed comm answers nothing");
        JsonObject closed = ofType("kernel closes image", "comm_close").get(0);
        assertEquals(
                id("image"), closed.getAsJsonObject("content").get("comm_id").getAsString());
        JsonObject afterKernel = openComms("comm_info after kernel close");
        assertFalse(afterKernel.has(id("image")));
        assertEquals(2, afterKernel.size());
    }

    @Test
    void aCommOpenedForAnUnknownTargetIsClosedAtOnce() {
        JsonArray closes = new JsonArray();
        ofType("unknown target", "comm_close").forEach(closes::add);
        assertEquals(1, closes.size(), iopub("unknown target").toString());
        JsonElement idOfClosed =
                closes.get(0).getAsJsonObject().getAsJsonObject("content").get("comm_id");
        assertEquals("x-1", idOfClosed.getAsString());
    }
}
