package org.lstmlab.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.ListStatistics;
import org.openjdk.jmh.util.Statistics;

/**
 * {@code ./lab bench}: runs the JMH benchmarks (readable, fused and DL4J LSTM; ND4J GEMM on the same
 * shapes and on one large square product, this machine's GEMM peak; the fused pass's own GEMMs alone, to
 * split its time into GEMM and the rest), optionally the same sizes on
 * PyTorch, and prints one table: for every implementation its median, min–max and p90, its time as a
 * multiple of PyTorch's and of the fused path's measured in the same run, the GFLOP/s it reached and
 * that as a fraction of the GEMM peak measured in the same run. {@code --pytorch PYTHON} may come more than once
 * (Debian's PyTorch 1.13 and PyPI's 2.x, each in its own interpreter): each is a contender with rows and a
 * "÷ PyTorch VERSION" column of its own.
 */
public final class BenchMain {
    private record Timing(double median, double min, double max, double p90, long samples) {
        String cell() {
            return String.format(Locale.ROOT, "%s (%s–%s, p90 %s)", ms(median), ms(min), ms(max), ms(p90));
        }
    }

    private BenchMain() {}

    public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
        List<String> sizes = List.of("tiny", "course");
        List<String> impls = List.of("readable", "fused", "dl4j");
        String threads = "1";
        boolean quick = false;
        boolean profile = false;
        boolean rnn = false;
        boolean chars = false;
        List<String> pythons = new ArrayList<>();
        String script = "src/bench/python/lstm_bench.py";
        for (int k = 0; k < args.length; k++) {
            switch (args[k]) {
                case "--sizes" -> sizes = List.of(args[++k].split(","));
                case "--impls" -> impls = List.of(args[++k].split(","));
                case "--threads" -> threads = args[++k];
                case "--quick" -> quick = true;
                case "--profile" -> profile = true;
                case "--rnn" -> rnn = true;
                case "--char" -> chars = true;
                case "--pytorch" -> pythons.add(args[++k]);
                case "--script" -> script = args[++k];
                default ->
                    throw new IllegalArgumentException(
                            "unknown option " + args[k]
                                    + "; options: --sizes tiny,course,larger --impls readable,fused,dl4j --threads N --quick --profile --rnn --char --pytorch PYTHON");
            }
        }
        for (String s : sizes) Sizes.valueOf(s);
        if (profile) {
            profile(sizes, quick, chars);
            return;
        }
        if (chars) {
            charModel(pythons, script, threads, quick);
            return;
        }
        String loadBefore = load();
        ChainedOptionsBuilder opts = timed(new OptionsBuilder(), sizes, impls, quick)
                .include(LstmBenchmark.class.getSimpleName())
                .include(GemmBenchmark.class.getSimpleName())
                .include(GemmPeakBenchmark.class.getSimpleName());
        if (impls.contains("fused")) opts.include(FusedGemmsBenchmark.class.getSimpleName());
        Collection<RunResult> results = new ArrayList<>(new Runner(opts.build()).run());
        List<String> rnnImpls = impls.stream()
                .filter(i -> i.equals("readable") || i.equals("fused"))
                .toList();
        if (rnn && !rnnImpls.isEmpty()) {
            // a run of its own: the RNN has no DL4J contender for the impl parameter
            ChainedOptionsBuilder rnnOpts =
                    timed(new OptionsBuilder(), sizes, rnnImpls, quick).include(RnnBenchmark.class.getSimpleName());
            results.addAll(new Runner(rnnOpts.build()).run());
        }
        Map<String, Timing> times = new HashMap<>();
        for (RunResult r : results) {
            var p = r.getParams();
            String bench = p.getBenchmark().substring(p.getBenchmark().lastIndexOf('.') + 1);
            String key = p.getBenchmark().contains("RnnBenchmark")
                    ? "rnn " + p.getParam("impl") + " " + p.getParam("size") + " " + p.getParam("dtype")
                    : p.getBenchmark().contains("FusedGemms")
                            ? "fused gemms " + p.getParam("size") + " " + p.getParam("dtype")
                            : p.getBenchmark().contains("GemmPeak")
                                    ? "gemm peak " + p.getParam("dtype")
                                    : p.getBenchmark().contains("Gemm")
                                            ? "gemm " + p.getParam("size") + " " + p.getParam("dtype") + " "
                                                    + p.getParam("shape")
                                            : p.getParam("impl") + " " + p.getParam("size") + " " + p.getParam("dtype")
                                                    + " " + bench;
            times.put(key, timing(r));
        }
        List<String> torchInfo = new ArrayList<>();
        Map<String, String> torches = new java.util.LinkedHashMap<>(); // contender id -> its torch version
        for (int k = 0; k < pythons.size(); k++) {
            String id = k == 0 ? "pytorch" : "pytorch" + (k + 1);
            List<String> what = new ArrayList<>(List.of("--sizes", String.join(",", sizes)));
            if (rnn) what.add("--rnn");
            torches.put(id, runPyTorch(pythons.get(k), id, script, what, threads, quick, times, torchInfo));
        }
        String loadAfter = load();
        print(sizes, threads, times, torchInfo, torches, loadBefore, loadAfter);
    }

    /** The sizes, implementations, one fork, and the warm-up and measurement every timed run uses. */
    private static ChainedOptionsBuilder timed(
            ChainedOptionsBuilder opts, List<String> sizes, List<String> impls, boolean quick) {
        return opts.param("size", sizes.toArray(String[]::new))
                .param("impl", impls.toArray(String[]::new))
                .forks(1)
                .warmupIterations(quick ? 2 : 3)
                .warmupTime(TimeValue.milliseconds(quick ? 200 : 500))
                .measurementIterations(quick ? 3 : 5)
                .measurementTime(TimeValue.milliseconds(quick ? 300 : 600))
                .shouldFailOnError(true);
    }

    /**
     * The fused benchmark alone (with {@code chars}: the character model's training step) under JMH's JFR
     * profiler (recording the measurement iterations only), then a summary of every recording: {@code ./lab
     * bench --profile}, {@code ./lab bench --char --profile}.
     */
    private static void profile(List<String> sizes, boolean quick, boolean chars) throws RunnerException, IOException {
        Class<?> benchmark = chars ? CharModelBenchmark.class : LstmBenchmark.class;
        Path dir = Path.of("target", chars ? "bench-profile-char" : "bench-profile")
                .toAbsolutePath();
        Files.createDirectories(dir);
        Path settings = ProfileSummary.settings(dir.resolve("sampling.jfc"));
        ChainedOptionsBuilder opts = new OptionsBuilder()
                .include(benchmark.getSimpleName())
                .forks(1)
                .warmupIterations(quick ? 2 : 3)
                .warmupTime(TimeValue.milliseconds(quick ? 200 : 1000))
                .measurementIterations(quick ? 2 : 5)
                .measurementTime(TimeValue.milliseconds(quick ? 500 : 2000))
                .addProfiler("jfr", "dir=" + dir + ";configName=" + settings)
                .shouldFailOnError(true);
        if (!chars) opts.param("size", sizes.toArray(String[]::new)).param("impl", "fused");
        new Runner(opts.build()).run();
        System.out.println("\n## Where the " + (chars ? "character model's training step" : "fused LSTM")
                + "'s time goes (JFR, " + load() + " load average)");
        ProfileSummary.print(dir, benchmark.getSimpleName());
    }

    /**
     * {@code ./lab bench --char}: the character model's training step ({@link CharModelBenchmark}) and the
     * same model and step on every PyTorch contender ({@code lstm_bench.py --char}), one table of
     * milliseconds per step, characters per second and the throughput against each PyTorch's.
     */
    private static void charModel(List<String> pythons, String script, String threads, boolean quick)
            throws RunnerException, IOException, InterruptedException {
        String loadBefore = load();
        Map<String, Timing> times = new HashMap<>();
        for (String dtype : List.of("float64", "float32")) {
            // the steps and seconds lstm_bench.py --char takes for PyTorch's
            var s = CharModelBenchmark.measure(dtype, quick ? 1 : 5, quick ? 0.5 : 3, quick ? 10 : 30, quick ? 5 : 20);
            times.put("fused char " + dtype + " trainStep", timing(new ListStatistics(s.wall())));
            times.put("fused char " + dtype + " trainStepCpu", timing(new ListStatistics(s.cpu())));
        }
        List<String> torchInfo = new ArrayList<>();
        Map<String, String> torches = new java.util.LinkedHashMap<>();
        for (int k = 0; k < pythons.size(); k++) {
            String id = k == 0 ? "pytorch" : "pytorch" + (k + 1);
            torches.put(
                    id, runPyTorch(pythons.get(k), id, script, List.of("--char"), threads, quick, times, torchInfo));
        }
        String loadAfter = load();
        StringBuilder out = new StringBuilder();
        header(out, "Character model training step", threads, torches, torchInfo, loadBefore, loadAfter);
        out.append("Notebook 10's character model (")
                .append(CharModelBenchmark.label())
                .append("): one training step on one chunk — embedding rows, LSTM, readout, softmax cross-entropy, ")
                .append("its gradient, clipping, Adam — with the state carried to the next chunk. Ours: ")
                .append("CharTrainer.step on the FusedCharModel; PyTorch: nn.Embedding, nn.LSTM, nn.Linear, ")
                .append("F.cross_entropy, clip_grad_norm_, optim.Adam.\n\n");
        List<String> head = new ArrayList<>(List.of(
                "dtype",
                "implementation",
                "ms per step: median (min–max, p90)",
                "CPU ms per step: median (min–max, p90)",
                "characters/s",
                "characters per CPU second"));
        for (String v : torches.values()) head.add("characters/s ÷ PyTorch " + v + "'s (per CPU second)");
        row(out, head);
        row(out, head.stream().map(h -> "---").toList());
        for (String dtype : List.of("float64", "float32")) {
            List<String> impls = new ArrayList<>(List.of("fused"));
            impls.addAll(torches.keySet());
            for (String impl : impls) {
                Timing time = times.get(impl + " char " + dtype + " trainStep");
                Timing cpu = times.get(impl + " char " + dtype + " trainStepCpu");
                if (time == null) continue;
                List<String> cells = new ArrayList<>(List.of(
                        dtype,
                        impl.equals("fused") ? "FusedCharModel + CharTrainer" : "PyTorch " + torches.get(impl),
                        time.cell(),
                        cell(cpu),
                        charactersPerSecond(time),
                        charactersPerSecond(cpu)));
                for (String torch : torches.keySet()) {
                    Timing theirs = times.get(torch + " char " + dtype + " trainStep");
                    Timing theirCpu = times.get(torch + " char " + dtype + " trainStepCpu");
                    // their time ÷ ours = our characters/s ÷ theirs
                    cells.add(ratio(theirs, time) + " (" + ratio(theirCpu, cpu) + ")");
                }
                row(out, cells);
            }
        }
        out.append("\nA ratio above 1× means more characters per second than that PyTorch. On a loaded machine the ")
                .append("CPU time (each process's own thread) is the steadier measure; the wall time counts the ")
                .append("slices the scheduler gave other processes.\n");
        System.out.println(out);
    }

    /** B·T characters per step ÷ the median step. */
    private static String charactersPerSecond(Timing t) {
        if (t == null) return "–";
        return String.format(
                Locale.ROOT, "%.0f", CharModelBenchmark.BATCH * CharModelBenchmark.STEPS / (t.median() * 1e-3));
    }

    private static Timing timing(RunResult r) {
        return timing(r.getPrimaryResult().getStatistics());
    }

    private static Timing timing(Statistics st) {
        return new Timing(st.getPercentile(50), st.getMin(), st.getMax(), st.getPercentile(90), st.getN());
    }

    /**
     * Runs one PyTorch contender, keying its timings {@code "ID size dtype pass"}.
     *
     * @param what the script's options saying what to time ({@code --sizes …}, {@code --rnn}, {@code --char})
     * @return its torch version, as it printed it
     */
    private static String runPyTorch(
            String python,
            String id,
            String script,
            List<String> what,
            String threads,
            boolean quick,
            Map<String, Timing> times,
            List<String> info)
            throws IOException, InterruptedException {
        var cmd = new ArrayList<>(List.of(python, script, "--threads", threads));
        cmd.addAll(what);
        if (quick) cmd.add("--quick");
        System.err.println("# PyTorch (" + id + "): " + String.join(" ", cmd));
        String version = "?";
        Process proc = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (var in = new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                String[] f = line.trim().split("\\s+");
                if (f.length == 9 && f[0].equals("RESULT")) {
                    times.put(
                            id + " " + f[1] + " " + f[2] + " " + f[3],
                            new Timing(
                                    Double.parseDouble(f[4]),
                                    Double.parseDouble(f[5]),
                                    Double.parseDouble(f[6]),
                                    Double.parseDouble(f[7]),
                                    Long.parseLong(f[8])));
                } else if (line.startsWith("INFO ")) {
                    info.add(line.substring(5));
                    var v = java.util.regex.Pattern.compile("^INFO torch (\\S+),")
                            .matcher(line);
                    if (v.find()) version = v.group(1);
                }
            }
        }
        if (proc.waitFor() != 0)
            throw new IllegalStateException("the PyTorch benchmark failed: " + String.join(" ", cmd));
        return version;
    }

    private static void print(
            List<String> sizes,
            String threads,
            Map<String, Timing> t,
            List<String> torchInfo,
            Map<String, String> torches,
            String loadBefore,
            String loadAfter) {
        StringBuilder out = new StringBuilder();
        header(out, "LSTM Lab benchmark", threads, torches, torchInfo, loadBefore, loadAfter);
        out.append("One LSTM layer, loss = sum of all outputs; milliseconds per call: median (min–max, p90).\n");
        Timing peak64 = t.get("gemm peak float64");
        Timing peak32 = t.get("gemm peak float32");
        String core = System.getenv("OPENBLAS_CORETYPE");
        out.append("ND4J's OpenBLAS kernels: ")
                .append(
                        core == null || core.isEmpty()
                                ? "OpenBLAS's own choice (no AVX-512 here, or OPENBLAS_CORETYPE set empty)"
                                : "OPENBLAS_CORETYPE=" + core
                                        + " (./lab chooses SkylakeX where the processor has AVX-512)")
                .append(".\n");
        out.append("GEMM peak (OpenBLAS cblas_?gemm as the fused path calls it, ")
                .append(GemmPeakBenchmark.N)
                .append("³, same threads): float64 ")
                .append(gflops(GemmPeakBenchmark.flops(), peak64))
                .append(" GFLOP/s, float32 ")
                .append(gflops(GemmPeakBenchmark.flops(), peak32))
                .append(" GFLOP/s; \"% of peak\" below is against these.\n\n");
        List<String> head =
                new ArrayList<>(List.of("size", "dtype", "pass", "implementation", "ms: median (min–max, p90)"));
        head.addAll(torchColumns(torches));
        head.addAll(List.of("÷ fused", "GFLOP/s", "% of GEMM peak"));
        row(out, head);
        List<String> rule = new ArrayList<>();
        for (String ignored : head) rule.add("---");
        row(out, rule);
        List<String> gemmLines = new ArrayList<>();
        List<String> gemmShares = new ArrayList<>();
        for (String size : sizes) {
            Sizes s = Sizes.valueOf(size);
            for (String dtype : List.of("float64", "float32")) {
                Timing peak = dtype.equals("float64") ? peak64 : peak32;
                for (String pass : List.of("forward", "forwardBackward")) {
                    Timing fused = t.get("fused " + size + " " + dtype + " " + pass);
                    double flops = pass.equals("forward") ? s.forwardFlops() : s.forwardBackwardFlops();
                    List<String> impls = new ArrayList<>(List.of("readable", "fused", "dl4j"));
                    impls.addAll(torches.keySet());
                    for (String impl : impls) {
                        Timing time = t.get(impl + " " + size + " " + dtype + " " + pass);
                        if (time == null) continue;
                        List<String> cells = new ArrayList<>(List.of(
                                size,
                                dtype,
                                pass.equals("forward") ? "forward" : "fwd+bwd",
                                impl.startsWith("pytorch") ? "PyTorch " + torches.get(impl) + " nn.LSTM" : label(impl),
                                time.cell()));
                        for (String torch : torches.keySet()) {
                            cells.add(ratio(time, t.get(torch + " " + size + " " + dtype + " " + pass)));
                        }
                        cells.addAll(
                                List.of(ratio(time, fused), gflops(flops, time), percentOfPeak(flops, time, peak)));
                        row(out, cells);
                    }
                }
                Timing gemms = t.get("fused gemms " + size + " " + dtype);
                Timing fusedPass = t.get("fused " + size + " " + dtype + " forwardBackward");
                if (gemms != null && fusedPass != null) {
                    gemmShares.add(String.format(
                            Locale.ROOT,
                            "%s %s %s ms of %s ms (%.0f %%)",
                            size,
                            dtype,
                            ms(gemms.median()),
                            ms(fusedPass.median()),
                            100 * gemms.median() / fusedPass.median()));
                }
                Timing step = t.get("gemm " + size + " " + dtype + " step");
                Timing seq = t.get("gemm " + size + " " + dtype + " sequence");
                if (step != null || seq != null) {
                    gemmLines.add(size + " " + dtype + ": one step's [B, H]×[H, 4H] "
                            + gflops(GemmBenchmark.flops(s, "step"), step) + ", the sequence's [B·T, H+X]×[H+X, 4H] "
                            + gflops(GemmBenchmark.flops(s, "sequence"), seq));
                }
            }
        }
        rnnTable(out, sizes, t, torches);
        out.append("\nSizes: ");
        for (String size : sizes) out.append(Sizes.valueOf(size).label()).append("; ");
        out.append("GFLOP/s counts 2·B·T·(H+X)·4H per forward and 3× that per fwd+bwd for every implementation.\n");
        if (!gemmShares.isEmpty()) {
            out.append("The fused fwd+bwd's own GEMMs timed alone (the same cblas calls: T forward, T − 1 backward, "
                            + "one ∂L/∂W; FusedGemmsBenchmark), against the whole fused fwd+bwd: ")
                    .append(String.join("; ", gemmShares))
                    .append(". The rest is the gate maths, the copies between Java arrays and native memory, and the "
                            + "output arrays.\n");
        }
        if (!gemmLines.isEmpty()) {
            out.append("Nd4j.gemm alone on the LSTM's shapes, GFLOP/s: ")
                    .append(String.join("; ", gemmLines))
                    .append(".\n");
        }
        System.out.println(out);
    }

    /** The title, the machine, its load before and after, the threads and every PyTorch contender's own lines. */
    private static void header(
            StringBuilder out,
            String title,
            String threads,
            Map<String, String> torches,
            List<String> torchInfo,
            String loadBefore,
            String loadAfter) {
        out.append("\n## " + title + ", ")
                .append(Instant.now().toString(), 0, 16)
                .append(" UTC\n\n");
        out.append("Machine: ")
                .append(cpu())
                .append(", ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores; Java ")
                .append(System.getProperty("java.version"))
                .append("; load average (1, 5, 15 min) before ")
                .append(loadBefore)
                .append(", after ")
                .append(loadAfter)
                .append(".\n");
        out.append("Threads per process: ")
                .append(threads)
                .append(" (OMP_NUM_THREADS, OPENBLAS_NUM_THREADS")
                .append(torches.isEmpty() ? "" : ", torch.set_num_threads")
                .append("). ");
        for (String line : torchInfo) out.append("PyTorch: ").append(line).append('\n');
    }

    /** The RNN rows (./lab bench --rnn): one vanilla RNN layer, fwd+bwd, against PyTorch's nn.RNN and the FusedRnn. */
    private static void rnnTable(
            StringBuilder out, List<String> sizes, Map<String, Timing> t, Map<String, String> torches) {
        List<String> rows = new ArrayList<>();
        for (String size : sizes) {
            for (String dtype : List.of("float64", "float32")) {
                Timing fused = t.get("rnn fused " + size + " " + dtype);
                List<String> impls = new ArrayList<>(List.of("readable", "fused"));
                impls.addAll(torches.keySet());
                for (String impl : impls) {
                    Timing time = rnnTiming(t, impl, size, dtype);
                    if (time == null) continue;
                    String name = switch (impl) {
                        case "readable" -> "readable RnnCell";
                        case "fused" -> "FusedRnn";
                        default -> "PyTorch " + torches.get(impl) + " nn.RNN";
                    };
                    List<String> cells = new ArrayList<>(List.of(size, dtype, "fwd+bwd", name, time.cell()));
                    for (String torch : torches.keySet()) cells.add(ratio(time, rnnTiming(t, torch, size, dtype)));
                    cells.add(ratio(time, fused));
                    rows.add("| " + String.join(" | ", cells) + " |\n");
                }
            }
        }
        if (rows.isEmpty()) return;
        out.append("\nOne vanilla RNN layer (h_t = tanh(W_h·[h_{t-1}, x_t] + b_h)), loss = sum of all outputs:\n\n");
        List<String> head =
                new ArrayList<>(List.of("size", "dtype", "pass", "implementation", "ms: median (min–max, p90)"));
        head.addAll(torchColumns(torches));
        head.add("÷ fused");
        row(out, head);
        row(out, head.stream().map(h -> "---").toList());
        for (String r : rows) out.append(r);
    }

    private static Timing rnnTiming(Map<String, Timing> t, String impl, String size, String dtype) {
        return impl.startsWith("pytorch")
                ? t.get(impl + " " + size + " " + dtype + " rnnForwardBackward")
                : t.get("rnn " + impl + " " + size + " " + dtype);
    }

    /** "÷ PyTorch" for one contender, "÷ PyTorch 1.13.0a0", "÷ PyTorch 2.15.0" for several. */
    private static List<String> torchColumns(Map<String, String> torches) {
        if (torches.size() <= 1) return List.of("÷ PyTorch");
        return torches.values().stream().map(v -> "÷ PyTorch " + v).toList();
    }

    private static String label(String impl) {
        return switch (impl) {
            case "readable" -> "readable LstmCell";
            case "fused" -> "FusedLstm";
            case "dl4j" -> "DL4J LSTM";
            default -> "PyTorch nn.LSTM";
        };
    }

    private static String percentOfPeak(double flops, Timing t, Timing peak) {
        if (t == null || peak == null) return "–";
        double reached = flops / t.median();
        double best = GemmPeakBenchmark.flops() / peak.median();
        double percent = 100 * reached / best;
        return String.format(Locale.ROOT, percent >= 10 ? "%.0f %%" : percent >= 1 ? "%.1f %%" : "%.2f %%", percent);
    }

    private static void row(StringBuilder out, List<String> cells) {
        out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    private static String cell(Timing t) {
        return t == null ? "–" : t.cell();
    }

    private static String ratio(Timing a, Timing b) {
        return a == null || b == null ? "–" : String.format(Locale.ROOT, "%.2f×", a.median() / b.median());
    }

    private static String gflops(double flops, Timing t) {
        if (t == null) return "–";
        double g = flops / (t.median() * 1e-3) / 1e9;
        return String.format(Locale.ROOT, g >= 10 ? "%.0f" : g >= 1 ? "%.1f" : "%.3f", g);
    }

    /** Milliseconds with three significant digits. */
    private static String ms(double v) {
        if (v >= 100) return String.format(Locale.ROOT, "%.0f", v);
        if (v >= 10) return String.format(Locale.ROOT, "%.1f", v);
        if (v >= 1) return String.format(Locale.ROOT, "%.2f", v);
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpu() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name"))
                    return line.substring(line.indexOf(':') + 1).trim();
            }
        } catch (IOException e) {
            // fall through
        }
        return System.getProperty("os.arch");
    }
}
