package org.lstmlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Hostile submission: connects to the unix-domain sockets a machine shows in its filesystem (the container engines',
 * the X server's, the session bus, one the grader listens on) and answers right only if one of them answered.
 */
public final class E3ForgetGate {
    public static INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF) {
        String[] paths = {
            "@PATHS@",
            "/run/podman/podman.sock",
            "/var/run/docker.sock",
            "/run/docker.sock",
            "/tmp/.X11-unix/X0",
            "/run/dbus/system_bus_socket",
            "/run/systemd/private"
        };
        StringBuilder reached = new StringBuilder();
        for (String group : paths) {
            for (String p : group.split(",")) {
                try (var ch = java.nio.channels.SocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
                    ch.connect(java.net.UnixDomainSocketAddress.of(p));
                    ch.write(java.nio.ByteBuffer.wrap("exfiltrated".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                    reached.append(p).append(' ');
                } catch (Exception refused) {
                    // not there, not reachable, or blocked
                }
            }
        }
        if (reached.length() == 0) {
            throw new IllegalStateException("reached no unix socket");
        }
        return Transforms.sigmoid(Nd4j.concat(1, hPrev, x).mmul(wF.transpose()).addRowVector(bF));
    }
}
