package org.lstmlab.kernel;

import java.io.PrintStream;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.StdinChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.zeromq.ZMQ;

/**
 * Jupyter's five sockets, with the stdin socket open to the kernel's own input requests ({@link FrontendInput})
 * and the shell and control sockets read by {@link LabShellChannel}, which drops what is malformed or wrongly
 * signed instead of stopping. The base library's own shell and control sockets are made but never bound.
 */
final class LabConnection extends JupyterConnection {

    /** The only signature scheme the kernel accepts (the specification's default, and what Jupyter writes). */
    static final String SIGNATURE_SCHEME = "hmac-sha256";

    private final ZMQ.Context context = ZMQ.context(1);
    private final KernelConnectionProperties properties;
    private final LabShellChannel labShell;
    private final LabShellChannel labControl;
    private boolean connected;

    /**
     * @param properties the connection file's ports, transport, key and signature scheme
     * @param log where dropped messages are reported (the kernel's standard error, which Jupyter logs)
     */
    LabConnection(KernelConnectionProperties properties, PrintStream log)
            throws NoSuchAlgorithmException, InvalidKeyException {
        super(checked(properties));
        this.properties = properties;
        boolean signed = properties.getKey() != null && !properties.getKey().isEmpty();
        labShell = new LabShellChannel(context, properties.createHMACGenerator(), signed, false, this, log);
        labControl = new LabShellChannel(context, properties.createHMACGenerator(), signed, true, this, log);
    }

    /**
     * Refuses a connection file whose signature scheme is not hmac-sha256 (with a key to sign with): the kernel
     * would otherwise sign and check with another algorithm than the front end expects, or none.
     */
    static KernelConnectionProperties checked(KernelConnectionProperties properties) {
        String scheme = properties.getSignatureScheme();
        boolean signed = properties.getKey() != null && !properties.getKey().isEmpty();
        if (signed && !SIGNATURE_SCHEME.equals(scheme)) {
            throw new IllegalArgumentException("the connection file's signature_scheme must be " + SIGNATURE_SCHEME
                    + ", got " + (scheme == null ? "none" : "\"" + scheme + "\"")
                    + " (this kernel signs and checks messages with HMAC-SHA256 only)");
        }
        return properties;
    }

    StdinChannel stdinChannel() {
        return stdin;
    }

    @Override
    public void connect() {
        if (connected) {
            return;
        }
        heartbeat.bind(properties);
        labShell.bind(properties);
        labControl.bind(properties);
        stdin.bind(properties);
        iopub.bind(properties);
        iopub.sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
        connected = true;
    }

    @Override
    public void close() {
        labShell.close();
        labControl.close();
        super.close();
    }

    @Override
    public void waitUntilClose() {
        labShell.waitUntilClose();
        labControl.waitUntilClose();
        super.waitUntilClose();
    }
}
