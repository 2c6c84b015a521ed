package org.lstmlab.grade.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What {@link NonRootSandboxTest} runs as a user other than root: the route named by its first argument
 * ({@code bubblewrap} or {@code unshare}), three sandboxes in the folder its second argument names — a fork bomb,
 * a classmate who starts 50 processes while the bomb holds all it can, and a memory hog (one 4 GB buffer), one that fills its private /tmp with 400 MB — and one line per finding
 * on standard output.
 */
public final class NonRootHarness {
    private NonRootHarness() {}

    public static void main(String[] args) throws Exception {
        if (args[0].equals("unshare")) {
            System.setProperty("lstmlab.sandbox.noBwrap", "1");
        }
        Path dir = Path.of(args[1]);
        OsSandbox os = OsSandbox.probe(System.getenv());
        System.out.println("kind " + os.kind());
        System.out.println("own-processes " + os.limitsItsOwnProcesses());
        System.out.println("describe " + os.describe());

        Path bombDir = Files.createDirectories(dir.resolve("bomb"));
        Process bomb =
                start(os, bombDir, "ulimit -c 0", "for i in $(seq 400); do sleep 60 & echo $i > count; done; wait");
        String count = "";
        for (int still = 0, i = 0; still < 10 && i < 600; i++) { // until it has started all it can (2 s unchanged)
            Thread.sleep(200);
            Path c = bombDir.resolve("count");
            String now = Files.exists(c) ? Files.readString(c).strip() : "";
            still = now.equals(count) && !now.isEmpty() ? still + 1 : 0;
            count = now;
        }
        System.out.println("bomb started " + count);

        Path mateDir = Files.createDirectories(dir.resolve("classmate"));
        Process mate =
                start(os, mateDir, "ulimit -c 0", "for i in $(seq 50); do sleep 1 & done; wait && echo ok > done");
        boolean mateEnded = mate.waitFor(120, TimeUnit.SECONDS);
        System.out.println("classmate " + (mateEnded && Files.exists(mateDir.resolve("done")) ? "ok" : "failed"));
        Process grader = new ProcessBuilder("/bin/true").start();
        System.out.println(
                "grader " + (grader.waitFor(30, TimeUnit.SECONDS) && grader.exitValue() == 0 ? "ok" : "failed"));
        end(bomb);

        Path hogDir = Files.createDirectories(dir.resolve("hog"));
        Process hog = start(
                os,
                hogDir,
                "ulimit -c 0 && ulimit -v " + Limits.defaults().addressSpaceMb() * 1024L,
                "dd if=/dev/zero of=/dev/null bs=4000M count=1 2> dd.txt; echo $? > status");
        boolean hogEnded = hog.waitFor(120, TimeUnit.SECONDS);
        end(hog);
        Path status = hogDir.resolve("status");
        System.out.println("hog "
                + (hogEnded && Files.exists(status) ? Files.readString(status).strip() : "running"));

        // without a control group nothing but the mount's size bounds the memory a private /tmp holds
        Path fillerDir = Files.createDirectories(dir.resolve("tmp-filler"));
        Process filler = start(
                os,
                fillerDir,
                "ulimit -c 0",
                "n=0; for i in $(seq 100); do dd if=/dev/zero of=/tmp/f$i bs=1M count=4 2>/dev/null || break;"
                        + " n=$((n+4)); done; echo $n > mb");
        boolean fillerEnded = filler.waitFor(120, TimeUnit.SECONDS);
        end(filler);
        Path mb = fillerDir.resolve("mb");
        System.out.println(
                "tmp " + (fillerEnded && Files.exists(mb) ? Files.readString(mb).strip() : "running"));
    }

    /** {@code script} run by {@code sh} in a sandbox of {@code os} under {@code ulimits}, as a child is. */
    private static Process start(OsSandbox os, Path dir, String ulimits, String script) throws Exception {
        List<String> command = new ArrayList<>(ChildRuntime.ulimited(os, ulimits));
        command.addAll(List.of("/bin/sh", "-c", script));
        return new ProcessBuilder(os.wrap(command, List.of(), Map.of(), dir, dir, OsSandbox.USER))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static void end(Process p) throws InterruptedException {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
    }
}
