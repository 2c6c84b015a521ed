package org.lstmlab.kernel.widgets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The kernel's open comms (Jupyter messaging specification, "Custom messages"): comms this kernel opens
 * ({@link #open}) and comms a front end opens for a registered target ({@link #registerTarget}), the messages of
 * both directions, and {@code comm_info}'s list of what is open. The kernel hands it the front end's
 * {@code comm_open}, {@code comm_msg} and {@code comm_close}; it sends through a {@link Transport}.
 */
public final class Comms {

    /** How comm messages reach the front end: the kernel's IOPub, with the message being handled as parent. */
    public interface Transport {
        /**
         * Publishes one message.
         *
         * @param msgType {@code comm_open}, {@code comm_msg} or {@code comm_close}
         * @param content the message's content
         * @param metadata the message's metadata
         * @param buffers binary buffers sent after the JSON frames
         */
        void send(String msgType, Map<String, Object> content, Map<String, Object> metadata, List<byte[]> buffers);

        /** @return the id of the request the kernel is handling (a cell, a comm message), or "" outside one */
        String parentMessageId();
    }

    private static final Transport NOWHERE = new Transport() {
        @Override
        public void send(String type, Map<String, Object> content, Map<String, Object> meta, List<byte[]> buffers) {
            throw new IllegalStateException(
                    "widgets need the notebook's kernel (Java (LSTM Lab)); this code runs outside a notebook");
        }

        @Override
        public String parentMessageId() {
            return "";
        }
    };

    private static volatile Comms current = new Comms(NOWHERE);

    private final Transport transport;
    private final Supplier<String> ids;
    private final Map<String, Comm> open = new ConcurrentHashMap<>();
    private final Map<String, Consumer<Comm>> targets = new ConcurrentHashMap<>();
    /** The widgets whose comms are open, by model id (for {@code request_states}). */
    final Map<String, Widget> widgets = new ConcurrentHashMap<>();

    /** @param transport where messages go; the comms this side opens get random ids */
    public Comms(Transport transport) {
        this(transport, () -> UUID.randomUUID().toString().replace("-", ""));
    }

    /**
     * @param transport where messages go
     * @param ids the id of each comm this side opens (a widget's model id), new at every call
     */
    public Comms(Transport transport, Supplier<String> ids) {
        this.transport = transport;
        this.ids = ids;
    }

    /**
     * Makes a new comm registry the one widgets use, with the widget targets registered
     * ({@link Widgets#registerTargets}).
     *
     * @param transport where messages go (the kernel's IOPub)
     * @return the installed registry
     */
    public static Comms install(Transport transport) {
        return install(new Comms(transport));
    }

    /**
     * Makes a new comm registry the one widgets use, its comms' ids drawn from {@code ids}.
     *
     * @param transport where messages go (the kernel's IOPub)
     * @param ids the id of each comm the kernel opens (random, or counted where two runs are compared)
     * @return the installed registry
     */
    public static Comms install(Transport transport, Supplier<String> ids) {
        return install(new Comms(transport, ids));
    }

    private static Comms install(Comms comms) {
        Widgets.registerTargets(comms);
        current = comms;
        return comms;
    }

    /** @return the registry widgets open their comms in */
    public static Comms current() {
        return current;
    }

    /**
     * Opens a comm from the kernel's side ({@code comm_open}).
     *
     * @param target the front end's target ({@code jupyter.widget})
     * @param data the open message's data (a widget's {@code state} and {@code buffer_paths})
     * @param metadata the open message's metadata ({@code version} for widgets)
     * @param buffers binary buffers
     * @return the open comm
     */
    public Comm open(String target, Map<String, Object> data, Map<String, Object> metadata, List<byte[]> buffers) {
        Comm comm = new Comm(this, ids.get(), target);
        open.put(comm.id(), comm);
        Map<String, Object> content = content(comm.id(), target, data);
        transport.send("comm_open", content, metadata, buffers);
        return comm;
    }

    /**
     * Lets the front end open comms for a target; the handler sets the new comm's message handlers.
     *
     * @param target the target's name
     * @param opened called with each comm the front end opens for it
     */
    public void registerTarget(String target, Consumer<Comm> opened) {
        targets.put(target, opened);
    }

    /**
     * The open comms, as {@code comm_info_reply} lists them.
     *
     * @param target only this target's comms, or null for all
     * @return comm id to target name
     */
    public Map<String, String> openComms(String target) {
        Map<String, String> found = new LinkedHashMap<>();
        open.values().stream()
                .filter(comm -> target == null || target.equals(comm.target()))
                .forEach(comm -> found.put(comm.id(), comm.target()));
        return found;
    }

    /**
     * @param id a comm id
     * @return the open comm with that id, or null
     */
    public Comm get(String id) {
        return open.get(id);
    }

    // ------------------------------------------------------------------ from the front end (the kernel calls these)

    /**
     * The front end opened a comm. For a target nobody registered the comm is closed again at once, as
     * ipykernel does, so the front end does not wait on it.
     */
    public void openedByFrontEnd(String id, String target, Map<String, Object> data, List<byte[]> buffers) {
        Consumer<Comm> handler = targets.get(target);
        Comm comm = new Comm(this, id, target);
        if (handler == null) {
            transport.send("comm_close", content(id, null, Map.of()), Map.of(), List.of());
            return;
        }
        open.put(id, comm);
        handler.accept(comm);
    }

    /** A {@code comm_msg} from the front end; one for a comm that is not open is dropped. */
    public void messageFromFrontEnd(String id, Map<String, Object> data, List<byte[]> buffers) {
        Comm comm = open.get(id);
        if (comm != null) {
            comm.received(data, buffers);
        }
    }

    /** The front end closed a comm. */
    public void closedByFrontEnd(String id) {
        Comm comm = open.get(id);
        if (comm != null) {
            comm.closedHere();
        }
    }

    // ------------------------------------------------------------------ for comms and widgets

    String parentMessageId() {
        return transport.parentMessageId();
    }

    void send(String msgType, Map<String, Object> content, List<byte[]> buffers) {
        transport.send(msgType, content, Map.of(), buffers);
    }

    void forget(String id) {
        open.remove(id);
    }

    static Map<String, Object> content(String id, String target, Map<String, Object> data) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("comm_id", id);
        if (target != null) {
            content.put("target_name", target);
        }
        content.put("data", data);
        return content;
    }
}
