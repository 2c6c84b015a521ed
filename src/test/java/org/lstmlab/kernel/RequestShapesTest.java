package org.lstmlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class RequestShapesTest {

    static String problem(String msgType, String content) {
        return RequestShapes.problem(msgType, JsonParser.parseString(content));
    }

    @Test
    void anExecuteRequestAsJupyterClientSendsItHasNoProblem() {
        assertNull(problem(
                "execute_request",
                "{\"code\": \"1\", \"silent\": false, \"store_history\": true, \"user_expressions\": {},"
                        + " \"allow_stdin\": true, \"stop_on_error\": true}"));
    }

    @Test
    void optionalFieldsMayBeLeftOutButNotCode() {
        assertNull(problem("execute_request", "{\"code\": \"1\"}"));
        assertEquals("content.code is missing: execute_request needs it (a string)", problem("execute_request", "{}"));
    }

    @Test
    void aFieldOfTheWrongTypeIsNamedWithWhatCame() {
        assertEquals("content.code must be a string, got 42", problem("execute_request", "{\"code\": 42}"));
        assertEquals(
                "content.cursor_pos must be a number, got \"3\"",
                problem("complete_request", "{\"code\": \"Ma\", \"cursor_pos\": \"3\"}"));
        assertEquals(
                "content.user_expressions must be an object, got []",
                problem("execute_request", "{\"code\": \"1\", \"user_expressions\": []}"));
    }

    @Test
    void contentThatIsNotAnObjectIsRefusedWhateverTheType() {
        assertEquals("its content must be a JSON object, got [1,2]", problem("frobnicate_request", "[1, 2]"));
    }

    @Test
    void aTypeWithoutAShapeAcceptsAnyObject() {
        assertNull(problem("kernel_info_request", "{}"));
        assertNull(problem("usage_request", "{\"anything\": [1]}"));
    }

    @Test
    void anExecuteRequestLeavingOutItsOptionsGetsTheSpecificationsDefaults() {
        var content = RequestShapes.withDefaults("execute_request", JsonParser.parseString("{\"code\": \"1\"}"))
                .getAsJsonObject();
        assertEquals(false, content.get("silent").getAsBoolean());
        assertEquals(true, content.get("store_history").getAsBoolean());
        assertEquals(true, content.get("allow_stdin").getAsBoolean());
        assertEquals(true, content.get("stop_on_error").getAsBoolean());
        var given = RequestShapes.withDefaults(
                        "execute_request", JsonParser.parseString("{\"code\": \"1\", \"stop_on_error\": false}"))
                .getAsJsonObject();
        assertEquals(false, given.get("stop_on_error").getAsBoolean(), "a field that was sent is kept");
    }
}
