package org.lstmlab.kernel;

import java.lang.reflect.Constructor;
import java.util.Map;
import org.dflib.jjava.jupyter.channels.DefaultReplyEnvironment;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;

/**
 * Replies whose content the kernel writes as the messaging specification gives it (a map, with the
 * {@code status} the base library's reply classes leave out), and the message types of the specification
 * that the base library does not know: {@code usage_request}, {@code usage_reply}, {@code debug_request} and
 * {@code debug_reply}. The base library registers a message type by name when it is created and offers no
 * public way to create one, so these are created through its private constructor once, at class loading; a base library that knows
 * them already is used as it is.
 */
final class ProtocolMessages {

    static final MessageType<Object> USAGE_REQUEST = type("usage_request");
    static final MessageType<Object> USAGE_REPLY = type("usage_reply");
    static final MessageType<Object> DEBUG_REQUEST = type("debug_request");
    static final MessageType<Object> DEBUG_REPLY = type("debug_reply");

    private ProtocolMessages() {}

    /**
     * Sends a reply whose content is the given map, as {@code type}.
     *
     * @param env the request's reply environment (replies go to the request's sender)
     * @param type the reply's message type
     * @param content the reply's content as the specification writes it
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static void reply(DefaultReplyEnvironment env, MessageType<?> type, Map<String, ?> content) {
        env.reply(new Message<>(env.getContext(), (MessageType) type, content));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static MessageType<Object> type(String name) {
        MessageType<?> known = MessageType.getType(name);
        if (known != MessageType.UNKNOWN) {
            return (MessageType<Object>) known;
        }
        try {
            Constructor<MessageType> create = MessageType.class.getDeclaredConstructor(String.class, Class.class);
            create.setAccessible(true);
            return create.newInstance(name, Object.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException(
                    "the Jupyter base library changed: cannot create message type " + name + " (" + e + ")", e);
        }
    }
}
