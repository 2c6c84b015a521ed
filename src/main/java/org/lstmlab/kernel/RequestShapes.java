package org.lstmlab.kernel;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Map;

/**
 * The content fields of the requests the kernel answers, with the JSON type the messaging specification
 * (5.3) gives each, so that a request with {@code content} a list or {@code code} a number is refused with
 * a message naming the field, instead of being coerced (the base library reads a number as a string) or
 * failing deep in a handler. Fields marked required must be there; the others may be left out.
 */
final class RequestShapes {

    private enum Kind {
        STRING("a string"),
        BOOLEAN("a boolean"),
        NUMBER("a number"),
        OBJECT("an object");

        private final String article;

        Kind(String article) {
            this.article = article;
        }

        String article() {
            return article;
        }
    }

    private record Field(Kind kind, boolean required) {}

    private static final Field CODE = new Field(Kind.STRING, true);
    private static final Field CURSOR = new Field(Kind.NUMBER, true);
    private static final Field COMM_ID = new Field(Kind.STRING, true);

    private static final Map<String, Map<String, Field>> SHAPES = Map.of(
            "execute_request",
            Map.of(
                    "code", CODE,
                    "silent", new Field(Kind.BOOLEAN, false),
                    "store_history", new Field(Kind.BOOLEAN, false),
                    "user_expressions", new Field(Kind.OBJECT, false),
                    "allow_stdin", new Field(Kind.BOOLEAN, false),
                    "stop_on_error", new Field(Kind.BOOLEAN, false)),
            "complete_request",
            Map.of("code", CODE, "cursor_pos", CURSOR),
            "inspect_request",
            Map.of("code", CODE, "cursor_pos", CURSOR, "detail_level", new Field(Kind.NUMBER, false)),
            "is_complete_request",
            Map.of("code", CODE),
            "history_request",
            Map.of("hist_access_type", new Field(Kind.STRING, true)),
            "shutdown_request",
            Map.of("restart", new Field(Kind.BOOLEAN, false)),
            "comm_open",
            Map.of("comm_id", COMM_ID, "target_name", new Field(Kind.STRING, true)),
            "comm_msg",
            Map.of("comm_id", COMM_ID),
            "comm_close",
            Map.of("comm_id", COMM_ID));

    private RequestShapes() {}

    /**
     * What is wrong with a message's content, or null when nothing is.
     *
     * @param msgType the header's msg_type
     * @param json the content frame, parsed
     * @return e.g. {@code "content.code must be a string, got 42"}, or null
     */
    static String problem(String msgType, JsonElement json) {
        if (!json.isJsonObject()) {
            return "its content must be a JSON object, got " + LabShellChannel.abbreviated(json.toString());
        }
        JsonObject object = json.getAsJsonObject();
        for (var entry : SHAPES.getOrDefault(msgType, Map.of()).entrySet()) {
            String name = entry.getKey();
            Field field = entry.getValue();
            JsonElement value = object.get(name);
            if (value == null || value.isJsonNull()) {
                if (field.required()) {
                    return "content." + name + " is missing: " + msgType + " needs it ("
                            + field.kind().article() + ")";
                }
            } else if (!is(field.kind(), value)) {
                return "content." + name + " must be " + field.kind().article() + ", got "
                        + LabShellChannel.abbreviated(value.toString());
            }
        }
        return null;
    }

    /**
     * The content with the defaults the specification gives an execute_request's optional fields filled in
     * where they were left out ({@code silent} false, {@code store_history}, {@code allow_stdin} and
     * {@code stop_on_error} true), since the base library reads a missing boolean as false.
     *
     * @param msgType the header's msg_type
     * @param json the content, already checked by {@link #problem}
     * @return the same object, completed (other message types unchanged)
     */
    static JsonElement withDefaults(String msgType, JsonElement json) {
        if (msgType.equals("execute_request") && json.isJsonObject()) {
            JsonObject object = json.getAsJsonObject();
            Map.of("silent", false, "store_history", true, "allow_stdin", true, "stop_on_error", true)
                    .forEach((name, value) -> {
                        if (!object.has(name) || object.get(name).isJsonNull()) {
                            object.addProperty(name, value);
                        }
                    });
        }
        return json;
    }

    private static boolean is(Kind kind, JsonElement value) {
        return switch (kind) {
            case STRING -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
            case BOOLEAN ->
                value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean();
            case NUMBER -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber();
            case OBJECT -> value.isJsonObject();
        };
    }
}
