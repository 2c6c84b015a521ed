package org.lstmlab.kernel;

import java.io.InterruptedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dflib.jjava.jupyter.channels.StdinChannel;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.reply.InputReply;
import org.dflib.jjava.jupyter.messages.request.InputRequest;
import org.zeromq.ZMQ;

/**
 * Asks the front end for a line of input over Jupyter's stdin channel ({@code input_request},
 * answered by {@code input_reply}), the way a notebook's input box works.
 *
 * <p>The socket is only ever used by a thread of its own, never by the cell's thread: an interrupt
 * stops a cell by interrupting its thread, and a ZeroMQ socket used by an interrupted thread can have
 * its internal channels closed for good. The cell's thread waits for the answer and gives up when
 * interrupted; the input thread then abandons the request, and a late answer to it is discarded
 * before the next request is sent (as ipykernel does).
 */
final class FrontendInput {

    private static final long POLL_MILLIS = 20;

    private final StdinChannel socket;
    private final ExecutorService inputThread = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "notebook-input");
        thread.setDaemon(true);
        return thread;
    });

    FrontendInput(StdinChannel socket) {
        this.socket = socket;
    }

    /**
     * Asks for one line and waits for it.
     *
     * @param context the execute request the input belongs to (the parent of the input request)
     * @param prompt shown in front of the input box
     * @return the line typed, with the line separator
     * @throws InterruptedIOException when the waiting thread is interrupted (Kernel ▸ Interrupt)
     */
    String readLine(MessageContext context, String prompt) throws InterruptedIOException {
        AtomicBoolean abandoned = new AtomicBoolean();
        Future<String> answer = inputThread.submit(() -> ask(context, prompt, abandoned));
        try {
            return answer.get();
        } catch (InterruptedException e) {
            abandoned.set(true);
            throw new InterruptedIOException("the cell was interrupted while it waited for input");
        } catch (ExecutionException e) {
            throw new IllegalStateException("asking the front end for input failed: " + e.getCause(), e.getCause());
        }
    }

    private String ask(MessageContext context, String prompt, AtomicBoolean abandoned) throws InterruptedException {
        while (readable()) {
            socket.readMessage(); // an answer to an abandoned request
        }
        socket.sendMessage(new Message<>(context, InputRequest.MESSAGE_TYPE, new InputRequest(prompt, false)));
        while (!readable()) {
            if (abandoned.get()) {
                return null;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return socket.readMessage(InputReply.MESSAGE_TYPE).getContent().getValue() + System.lineSeparator();
    }

    private boolean readable() {
        return (socket.getEvents() & ZMQ.Poller.POLLIN) != 0;
    }
}
