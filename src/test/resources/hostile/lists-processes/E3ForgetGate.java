package org.lstmlab.exercises;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Hostile submission: lists /proc for the processes of anyone else (the grader, a classmate's JVM). It answers
 * correctly only when it saw nothing but itself, what it started and the sandbox's own first process (bwrap or
 * unshare, which started it), so its full marks show that it could see no one.
 */
public final class E3ForgetGate {
    public static INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF) throws Exception {
        Set<Long> mine = Stream.concat(
                        Stream.of(ProcessHandle.current()), ProcessHandle.current().descendants())
                .map(ProcessHandle::pid)
                .collect(Collectors.toCollection(HashSet::new));
        for (var a = ProcessHandle.current().parent(); a.isPresent(); a = a.get().parent()) {
            String command = cmdline(a.get().pid());
            if (command.startsWith("bwrap ") || command.contains("/bwrap ") || command.contains("/unshare ")) {
                mine.add(a.get().pid());
            }
        }
        List<String> others = new ArrayList<>();
        try (Stream<Path> proc = Files.list(Path.of("/proc"))) {
            for (Path p : proc.toList()) {
                String name = p.getFileName().toString();
                if (name.matches("\\d+") && !mine.contains(Long.parseLong(name))) {
                    String cmdline = cmdline(Long.parseLong(name));
                    others.add(name + " " + cmdline.substring(0, Math.min(80, cmdline.length())));
                }
            }
        }
        if (!others.isEmpty()) {
            throw new IllegalStateException("I can see " + others.size() + " other processes: " + others);
        }
        return Transforms.sigmoid(Nd4j.concat(1, hPrev, x).mmul(wF.transpose()).addRowVector(bF));
    }

    private static String cmdline(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline"))).replace('\0', ' ');
        } catch (Exception gone) {
            return "?";
        }
    }
}
