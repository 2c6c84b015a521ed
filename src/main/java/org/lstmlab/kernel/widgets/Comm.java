package org.lstmlab.kernel.widgets;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * One end of a Jupyter comm: a channel between a kernel object and a front-end object, named by an id and opened
 * for a target ({@code jupyter.widget} for a widget model). Messages carry a JSON object ({@code data}) and binary
 * buffers.
 */
public final class Comm {

    private final Comms comms;
    private final String id;
    private final String target;
    private volatile BiConsumer<Map<String, Object>, List<byte[]>> onMessage = (data, buffers) -> {};
    private volatile Runnable onClose = () -> {};
    private volatile boolean closed;

    Comm(Comms comms, String id, String target) {
        this.comms = comms;
        this.id = id;
        this.target = target;
    }

    /** @return the comm's id (a widget's model id) */
    public String id() {
        return id;
    }

    /** @return the target the comm was opened for */
    public String target() {
        return target;
    }

    /** @return whether either side closed the comm */
    public boolean isClosed() {
        return closed;
    }

    /** What to do with a {@code comm_msg} from the front end: its data and its buffers. */
    public void onMessage(BiConsumer<Map<String, Object>, List<byte[]>> handler) {
        this.onMessage = handler;
    }

    /** What to do when the comm closes, from either side. */
    public void onClose(Runnable handler) {
        this.onClose = handler;
    }

    /**
     * Sends a {@code comm_msg} to the front end.
     *
     * @param data the message's JSON object (maps, lists, strings, numbers, booleans, null)
     * @param buffers binary buffers sent beside the JSON (none: an empty list)
     * @throws IllegalStateException when the comm is closed
     */
    public void send(Map<String, Object> data, List<byte[]> buffers) {
        if (closed) {
            throw new IllegalStateException("comm " + id + " (" + target + ") is closed; open a new one");
        }
        comms.send("comm_msg", Comms.content(id, null, data), buffers);
    }

    /** Closes the comm: tells the front end ({@code comm_close}) and forgets it. Closing twice does nothing. */
    public void close() {
        if (closed) {
            return;
        }
        comms.send("comm_close", Comms.content(id, null, Map.of()), List.of());
        closedHere();
    }

    /** The comm is gone (the front end closed it, or this end did): runs the close handler once. */
    void closedHere() {
        if (closed) {
            return;
        }
        closed = true;
        comms.forget(id);
        onClose.run();
    }

    void received(Map<String, Object> data, List<byte[]> buffers) {
        onMessage.accept(data, buffers);
    }
}
