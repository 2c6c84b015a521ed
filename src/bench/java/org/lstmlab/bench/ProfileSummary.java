package org.lstmlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the time goes, from the JFR recordings that {@code ./lab bench --profile} takes of the fused
 * benchmark ({@code --char --profile}: of the character model's training step) (JMH's {@code jfr} profiler, measurement iterations only): the share of the benchmark
 * thread's samples by the frame on top (Java frames from {@code jdk.ExecutionSample}, native calls from
 * {@code jdk.NativeMethodSample}), and the same samples grouped into what they do.
 */
final class ProfileSummary {
    private ProfileSummary() {}

    /** Sampling period of Java and native frames alike, so their shares compare. */
    private static final String PERIOD = "5 ms";

    /**
     * JFR settings for the recording: the JDK's {@code profile} settings with Java and native stacks
     * sampled at the same period (the JDK's file samples native calls half as often, which would hide
     * the GEMMs).
     */
    static Path settings(Path out) throws IOException {
        Path jdk = Path.of(System.getProperty("java.home"), "lib", "jfr", "profile.jfc");
        String jfc = Files.readString(jdk)
                .replaceAll(
                        "(?s)(<event name=\"jdk\\.(ExecutionSample|NativeMethodSample)\">.*?<setting name=\"period\"[^>]*>)[^<]*",
                        "$1" + PERIOD);
        Files.writeString(out, jfc);
        return out;
    }

    /**
     * Prints one summary per recording found under {@code dir}.
     *
     * @param benchmark the benchmark class's simple name: only the samples of its thread count
     */
    static void print(Path dir, String benchmark) throws IOException {
        List<Path> recordings;
        try (Stream<Path> files = Files.walk(dir)) {
            recordings =
                    files.filter(p -> p.toString().endsWith(".jfr")).sorted().toList();
        }
        if (recordings.isEmpty()) {
            System.out.println("No JFR recording under " + dir);
            return;
        }
        for (Path recording : recordings) summarise(dir, recording, benchmark);
    }

    private static void summarise(Path dir, Path recording, String benchmark) throws IOException {
        Map<String, Integer> top = new HashMap<>();
        Map<String, Integer> groups = new LinkedHashMap<>();
        for (String g : List.of(
                "GEMM (OpenBLAS through NativeBuffer.gemm)",
                "σ and tanh (Activations)",
                "other gate maths (GateKernels)",
                "copies between native memory and Java arrays",
                "ND4J array allocation (outputs, gradients)",
                "softmax and cross-entropy (FusedCharModel)",
                "clipping and Adam (train)",
                "other")) {
            groups.put(g, 0);
        }
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            String type = e.getEventType().getName();
            boolean nativeSample = type.equals("jdk.NativeMethodSample");
            if (!nativeSample && !type.equals("jdk.ExecutionSample")) continue;
            if (e.getStackTrace() == null) continue;
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (frames.isEmpty() || frames.stream().noneMatch(f -> name(f).contains(benchmark))) continue;
            samples++;
            String self = name(frames.get(0)) + (nativeSample ? " [native]" : "");
            top.merge(self, 1, Integer::sum);
            groups.merge(group(frames), 1, Integer::sum);
        }
        System.out.println(
                "\n### Profile: " + dir.relativize(recording) + " — " + samples + " samples of the benchmark thread\n");
        System.out.println("| share | what |");
        System.out.println("| --- | --- |");
        for (var g : groups.entrySet()) {
            if (g.getValue() > 0) System.out.println("| " + percent(g.getValue(), samples) + " | " + g.getKey() + " |");
        }
        System.out.println("\n| share | top frame |");
        System.out.println("| --- | --- |");
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(top.entrySet());
        sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        for (var t : sorted.subList(0, Math.min(12, sorted.size()))) {
            System.out.println("| " + percent(t.getValue(), samples) + " | `" + t.getKey() + "` |");
        }
    }

    /**
     * The group of a sample: the softmax's when it is anywhere on the stack (its exponentials run in
     * {@code Activations}), else the first frame, from the top, that names one of the groups.
     */
    private static String group(List<RecordedFrame> frames) {
        if (frames.stream().anyMatch(f -> name(f).contains("FusedCharModel.softmaxCrossEntropy"))) {
            return "softmax and cross-entropy (FusedCharModel)";
        }
        for (RecordedFrame f : frames) {
            String n = f.getMethod() == null || f.getMethod().getType() == null
                    ? "?"
                    : f.getMethod().getType().getName() + "." + f.getMethod().getName();
            if (n.contains("NativeBuffer.gemm") || n.contains("cblas_"))
                return "GEMM (OpenBLAS through NativeBuffer.gemm)";
            if (n.contains("allocateDataBuffer") || n.contains("createUninitialized") || n.contains("Pointer.<init>"))
                return "ND4J array allocation (outputs, gradients)";
            if (n.contains("fused.Activations.")) return "σ and tanh (Activations)";
            if (n.contains("fused.GateKernels.")) return "other gate maths (GateKernels)";
            if (n.contains("Buffer.get")
                    || n.contains("Buffer.put")
                    || n.contains("copyMemory")
                    || n.contains("arraycopy")) return "copies between native memory and Java arrays";
            if (n.contains("train.Adam.") || n.contains("train.GradientClipping.")) return "clipping and Adam (train)";
        }
        return "other";
    }

    private static String name(RecordedFrame f) {
        RecordedMethod m = f.getMethod();
        if (m == null) return "?";
        String type = m.getType() == null ? "?" : m.getType().getName();
        return type.substring(type.lastIndexOf('.') + 1).replace('$', '.') + "." + m.getName()
                + (type.startsWith("org.lstmlab")
                        ? ""
                        : " (" + type.substring(0, Math.max(0, type.lastIndexOf('.'))) + ")");
    }

    private static String percent(int n, int total) {
        return String.format(Locale.ROOT, "%.1f %%", 100.0 * n / total);
    }
}
