package org.lstmlab.kernel;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.StdinChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/** Jupyter's five sockets, with the stdin socket open to the kernel's own input requests ({@link FrontendInput}). */
final class LabConnection extends JupyterConnection {

    LabConnection(KernelConnectionProperties properties) throws NoSuchAlgorithmException, InvalidKeyException {
        super(properties);
    }

    StdinChannel stdinChannel() {
        return stdin;
    }
}
