package org.lstmlab.grade.notebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.lstmlab.data.CourseFolder;
import org.lstmlab.grade.report.YoursAndExpected;
import org.lstmlab.nn.GruParams;
import org.lstmlab.nn.LstmParams;
import org.lstmlab.nn.LstmStepGrads;
import org.lstmlab.nn.RnnParams;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Your own exercise code, called from a notebook cell as it was last saved in {@code exercises/}, and
 * its output on the published input next to the expected output.
 *
 * <pre>{@code
 * import static org.lstmlab.grade.notebook.Mine.*;
 * INDArray f = mine(E3).forgetGate(hPrev, x, wF, bF); // your E3ForgetGate.forgetGate
 * expectedOutput(E3)                                  // yours next to the library's, on the fixed case
 * }</pre>
 *
 * <p>Each call compiles your {@code exercises/} again when a {@code .java} file in it changed since the
 * last call, with the grader's compiler and rules (so what it may not use, such as {@code LstmCell} for
 * E3, is refused here as in grading), and runs your method in a fresh class loader, so a saved change is
 * picked up without restarting the kernel. Your code runs in the notebook's kernel, not in the grader's
 * sandbox: there is no time limit (Kernel ▸ Interrupt or Restart stops an endless loop). What goes wrong
 * says what the grader would say: the compile error with its line, or the exception with the line of your
 * file it came from, as a {@link StudentCodeFailed}.
 *
 * <p>The interfaces below are the exercise files' signatures as the notebook calls them; the grading test
 * classes declare the same ({@code MineTest} holds them equal).
 */
public final class Mine {
    private static SavedExercises course;

    private Mine() {}

    /** Your {@code E1RnnStep}. */
    public interface E1RnnStep {
        /** h_t = tanh(W_h · [h_{t-1}, x_t] + b_h): x_t {@code [B, X]}, h_{t-1} {@code [B, H]} → h_t {@code [B, H]}. */
        INDArray rnnStep(INDArray x, INDArray hPrev, RnnParams p);
    }

    /** Your {@code E2GradientNorms}. */
    public interface E2GradientNorms {
        /** ‖∂h_T/∂h_t‖ for t = 0 … T−1: x_1 … x_T {@code [1, T, X]}, h_0 {@code [1, H]} → {@code double[T]}. */
        double[] gradientNorms(RnnParams p, INDArray xs, INDArray h0);
    }

    /** Your {@code E3ForgetGate}. */
    public interface E3ForgetGate {
        /** f_t = σ(W_f · [h_{t-1}, x_t] + b_f): h_{t-1} {@code [B, H]}, x_t {@code [B, X]} → f_t {@code [B, H]}. */
        INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF);
    }

    /** Your {@code E4InputGate}. */
    public interface E4InputGate {
        /** i_t = σ(W_i · [h_{t-1}, x_t] + b_i) → {@code [B, H]}. */
        INDArray inputGate(INDArray hPrev, INDArray x, INDArray wI, INDArray bI);

        /** C̃_t = tanh(W_C · [h_{t-1}, x_t] + b_C) → {@code [B, H]}. */
        INDArray candidate(INDArray hPrev, INDArray x, INDArray wC, INDArray bC);
    }

    /** Your {@code E5CellState}. */
    public interface E5CellState {
        /** C_t = f_t * C_{t-1} + i_t * C̃_t, every array {@code [B, H]}. */
        INDArray cellState(INDArray f, INDArray i, INDArray cTilde, INDArray cPrev);

        /** ‖F_{T,t}‖₂ = ‖Π_{s=t+1..T} diag(f_s)‖₂ for lags 0 … T, from f_1 … f_T {@code [T, H]}; {@code [T+1]}. */
        double[] cellPath(INDArray f);
    }

    /** Your {@code E6OutputGate}. */
    public interface E6OutputGate {
        /** o_t = σ(W_o · [h_{t-1}, x_t] + b_o) → {@code [B, H]}. */
        INDArray outputGate(INDArray hPrev, INDArray x, INDArray wO, INDArray bO);

        /** h_t = o_t * tanh(C_t), every array {@code [B, H]}. */
        INDArray hiddenState(INDArray o, INDArray c);
    }

    /** Your {@code E7LstmStep}. */
    public interface E7LstmStep {
        /** What your {@code E7LstmStep.State} holds: h_t and C_t, each {@code [B, H]}. */
        record State(INDArray h, INDArray c) {}

        /** One LSTM step with your E3–E6: x_t {@code [B, X]}, h_{t-1} and C_{t-1} {@code [B, H]}. */
        State lstmStep(INDArray x, INDArray hPrev, INDArray cPrev, LstmParams p);
    }

    /** Your {@code E8LstmBackward}. */
    public interface E8LstmBackward {
        /** ∂L/∂W_g, ∂L/∂b_g, ∂L/∂x_t, ∂L/∂h_{t-1}, ∂L/∂C_{t-1} of one step, given ∂L/∂h_t and ∂L/∂C_t {@code [B, H]}. */
        LstmStepGrads lstmStepBackward(
                INDArray x, INDArray hPrev, INDArray cPrev, LstmParams p, INDArray dh, INDArray dc);
    }

    /** Your {@code E9GradientClipping}. */
    public interface E9GradientClipping {
        /** g · θ/‖g‖ when the global norm ‖g‖ of all arrays exceeds θ, else g. */
        Map<String, INDArray> clipGradients(Map<String, INDArray> grads, double maxNorm);
    }

    /** Your {@code E10GruStep}. */
    public interface E10GruStep {
        /** h_t = (1 − z_t) * n_t + z_t * h_{t-1}: x_t {@code [B, X]}, h_{t-1} {@code [B, H]} → h_t {@code [B, H]}. */
        INDArray gruStep(INDArray x, INDArray hPrev, GruParams p);
    }

    /** Your {@code E11SamplingTemperature}. */
    public interface E11SamplingTemperature {
        /** p = softmax(ŷ / τ): ŷ {@code [V]} → p {@code [V]}. */
        double[] probabilities(double[] logits, double temperature);

        /** One draw from softmax(ŷ / τ) with {@code new Random(seed)}: an index 0 … V−1. */
        int sample(double[] logits, double temperature, long seed);
    }

    /**
     * One exercise as {@link #mine} and {@link #expectedOutput} take it.
     *
     * @param id e.g. {@code E3}
     * @param type the interface your class is called through
     * @param published your output on the published input next to the expected output
     */
    public record Of<T>(String id, Class<T> type, Function<T, YoursAndExpected> published) {
        @Override
        public String toString() {
            return id;
        }
    }

    public static final Of<E1RnnStep> E1 = new Of<>("E1", E1RnnStep.class, ExpectedOutput::e1);
    public static final Of<E2GradientNorms> E2 = new Of<>("E2", E2GradientNorms.class, ExpectedOutput::e2);
    public static final Of<E3ForgetGate> E3 = new Of<>("E3", E3ForgetGate.class, ExpectedOutput::e3);
    public static final Of<E4InputGate> E4 = new Of<>("E4", E4InputGate.class, ExpectedOutput::e4);
    public static final Of<E5CellState> E5 = new Of<>("E5", E5CellState.class, ExpectedOutput::e5);
    public static final Of<E6OutputGate> E6 = new Of<>("E6", E6OutputGate.class, ExpectedOutput::e6);
    public static final Of<E7LstmStep> E7 = new Of<>("E7", E7LstmStep.class, ExpectedOutput::e7);
    public static final Of<E8LstmBackward> E8 = new Of<>("E8", E8LstmBackward.class, ExpectedOutput::e8);
    public static final Of<E9GradientClipping> E9 = new Of<>("E9", E9GradientClipping.class, ExpectedOutput::e9);
    public static final Of<E10GruStep> E10 = new Of<>("E10", E10GruStep.class, ExpectedOutput::e10);
    public static final Of<E11SamplingTemperature> E11 =
            new Of<>("E11", E11SamplingTemperature.class, ExpectedOutput::e11);

    /**
     * Your class of an exercise, as last saved in the course's {@code exercises/}: every call of a method
     * compiles your files again if one changed, then runs yours.
     *
     * @param exercise {@code E1} … {@code E11}
     * @throws StudentCodeFailed from a call: your file does not compile or breaks a rule, your method threw,
     *     is not implemented yet, or returned something that does not fit its signature
     */
    public static <T> T mine(Of<T> exercise) {
        return course().handle(exercise);
    }

    /**
     * Your method run on the published input — the grader's fixed case, seed 7 — next to the expected
     * output, which the library computes now; a table with the largest |yours − expected| of each value.
     * When your code gives no answer (not implemented yet, a compile error), the table says why in place
     * of your output, and the cell does not fail.
     */
    public static <T> YoursAndExpected expectedOutput(Of<T> exercise) {
        return exercise.published().apply(mine(exercise));
    }

    private static synchronized SavedExercises course() {
        if (course == null) {
            Path home = CourseFolder.withExercises();
            try {
                SavedExercises saved = new SavedExercises(home.resolve("exercises"), Check.catalog(home));
                Runtime.getRuntime().addShutdownHook(new Thread(saved::close, "lstmlab-mine-cleanup"));
                course = saved;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare your exercises in " + home + ": " + e.getMessage(), e);
            }
        }
        return course;
    }
}
