package org.lstmlab.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.lstmlab.data.CharStreams;
import org.lstmlab.nn.CharModelParams;
import org.lstmlab.nn.fused.FusedCharModel;
import org.lstmlab.train.Adam;
import org.lstmlab.train.CharTrainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One training step of notebook 10's character model as {@link CharTrainer#step} takes it in full mode: the
 * {@link FusedCharModel} (X = 32, H = 128, V = 149) on a chunk of B = 32 streams × T = 64 characters, the loss
 * and its gradient, the global norm clipped at 5, one {@link Adam} update at α = 0.003, the state carried to
 * the next chunk. The text is random characters, the same kind of text as {@code lstm_bench.py --char} reads
 * (the time does not depend on which characters come). Characters per second = B·T ÷ the step's time.
 *
 * <p>{@code ./lab bench --char} times it with {@link #measure}, the same loop as the PyTorch side's, wall and
 * thread CPU time per step; {@code ./lab bench --char --profile} runs it under JMH with JFR.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CharModelBenchmark {
    /** B, T, X, H, V: notebook 10 in full mode ({@code CharModelExperiment.defaults()}) and its corpus. */
    static final int BATCH = 32, STEPS = 64, EMBEDDING = 32, HIDDEN = 128, VOCABULARY = 149;
    /** Adam's α and the clipping threshold of notebook 10. */
    static final double LEARNING_RATE = 0.003, CLIP_NORM = 5.0;
    /** The chunks the benchmark cycles through, each stream continuing where it stopped. */
    static final int CHUNKS = 16;

    @Param({"float64", "float32"})
    public String dtype;

    private CharTrainer trainer;
    private CharStreams.Chunk[] chunks;
    private int next;

    /** The label of the sizes, for the table. */
    static String label() {
        return "X = " + EMBEDDING + ", H = " + HIDDEN + ", V = " + VOCABULARY + ", B = " + BATCH + ", T = " + STEPS
                + "; Adam α = " + LEARNING_RATE + ", global-norm clipping at " + CLIP_NORM;
    }

    @Setup
    public void setUp() {
        var params = FusedCharModel.stacked(CharModelParams.init(VOCABULARY, EMBEDDING, HIDDEN, 42, Sizes.type(dtype)));
        trainer = new CharTrainer(new FusedCharModel(params), new Adam(LEARNING_RATE), CLIP_NORM, true);
        var random = new SplittableRandom(7);
        int[] text = new int[BATCH * STEPS * CHUNKS + 1];
        for (int k = 0; k < text.length; k++) text[k] = random.nextInt(VOCABULARY);
        var streams = new CharStreams(text, BATCH, STEPS);
        chunks = new CharStreams.Chunk[CHUNKS];
        for (int k = 0; k < CHUNKS; k++) chunks[k] = streams.chunk(k);
        double first = trainer.step(chunks[0]);
        double uniform = Math.log(VOCABULARY) / Math.log(2);
        if (!(Math.abs(first - uniform) < 1)) {
            throw new IllegalStateException("the first step's loss should be near log₂ V = " + uniform
                    + " bits per character (random text, fresh model) but is " + first);
        }
    }

    /** Milliseconds of every timed step: wall time and the thread's CPU time. */
    record Samples(double[] wall, double[] cpu) {}

    /**
     * Times steps as {@code lstm_bench.py --char} times PyTorch's: at least {@code leastWarmup} steps and
     * {@code warmupSeconds} to warm up, then at least {@code least} steps and {@code seconds}, each step's
     * wall and CPU time (on a loaded machine the wall time measures the scheduler as much as the code).
     */
    static Samples measure(String dtype, double seconds, double warmupSeconds, int least, int leastWarmup) {
        var bench = new CharModelBenchmark();
        bench.dtype = dtype;
        bench.setUp();
        var threads = ManagementFactory.getThreadMXBean();
        long end = System.nanoTime() + (long) (warmupSeconds * 1e9);
        for (int k = 0; k < leastWarmup || System.nanoTime() < end; k++) bench.trainStep();
        List<double[]> samples = new ArrayList<>(); // {wall, cpu}
        end = System.nanoTime() + (long) (seconds * 1e9);
        while (samples.size() < least || System.nanoTime() < end) {
            long wall = System.nanoTime(), cpu = threads.getCurrentThreadCpuTime();
            bench.trainStep();
            samples.add(
                    new double[] {(System.nanoTime() - wall) / 1e6, (threads.getCurrentThreadCpuTime() - cpu) / 1e6});
        }
        return new Samples(
                samples.stream().mapToDouble(x -> x[0]).toArray(),
                samples.stream().mapToDouble(x -> x[1]).toArray());
    }

    /** One training step on the next chunk: loss, gradient, clipping, Adam. */
    @Benchmark
    public double trainStep() {
        double bits = trainer.step(chunks[next]);
        next = (next + 1) % CHUNKS;
        return bits;
    }
}
