package org.lstmlab.grade;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The course's graded exercises and their points, in one place. The points add up to 100. */
public final class Exercises {
    private Exercises() {}

    public static final List<Exercise> ALL = List.of(
            new Exercise(
                    "E1",
                    "RNN step",
                    "E1RnnStep",
                    10,
                    "01-rnn-vanishing-gradients",
                    eq("rnnStep", "h_t = tanh(W_h · [h_{t-1}, x_t] + b_h)"),
                    List.of()),
            new Exercise(
                    "E2",
                    "gradient norms through time",
                    "E2GradientNorms",
                    12,
                    "01-rnn-vanishing-gradients",
                    eq("gradientNorms", "‖∂h_T/∂h_t‖ for every t, with ∂h_t/∂h_{t-1} = diag(1 − h_t²) · W_hh"),
                    List.of()),
            new Exercise(
                    "E3",
                    "forget gate",
                    "E3ForgetGate",
                    8,
                    "02-forget-gate",
                    eq("forgetGate", "f_t = σ(W_f · [h_{t-1}, x_t] + b_f)"),
                    List.of()),
            new Exercise(
                    "E4",
                    "input gate and candidate",
                    "E4InputGate",
                    10,
                    "03-input-gate-and-candidate",
                    eq(
                            "inputGate",
                            "i_t = σ(W_i · [h_{t-1}, x_t] + b_i)",
                            "candidate",
                            "C̃_t = tanh(W_C · [h_{t-1}, x_t] + b_C)"),
                    List.of()),
            new Exercise(
                    "E5",
                    "cell-state update",
                    "E5CellState",
                    8,
                    "04-cell-state",
                    eq("cellState", "C_t = f_t * C_{t-1} + i_t * C̃_t"),
                    List.of()),
            new Exercise(
                    "E6",
                    "output gate and hidden state",
                    "E6OutputGate",
                    10,
                    "05-output-gate",
                    eq("outputGate", "o_t = σ(W_o · [h_{t-1}, x_t] + b_o)", "hiddenState", "h_t = o_t * tanh(C_t)"),
                    List.of()),
            new Exercise(
                    "E7",
                    "full LSTM step",
                    "E7LstmStep",
                    12,
                    "06-full-lstm",
                    eq("lstmStep", "f_t, i_t, C̃_t, C_t, o_t, h_t in order, with your E3–E6"),
                    List.of("E3", "E4", "E5", "E6")),
            new Exercise(
                    "E8",
                    "LSTM step backward",
                    "E8LstmBackward",
                    20,
                    "06-full-lstm",
                    eq("lstmStepBackward", "∂L/∂W_g, ∂L/∂b_g, ∂L/∂x_t, ∂L/∂h_{t-1}, ∂L/∂C_{t-1} of one step"),
                    List.of()),
            new Exercise(
                    "E9",
                    "gradient-norm clipping",
                    "E9GradientClipping",
                    10,
                    "01-rnn-vanishing-gradients",
                    eq("clipGradients", "g · θ/‖g‖ when ‖g‖ > θ, else g"),
                    List.of()));

    /**
     * Library code an exercise must not call, because it computes the exercise's answer: the course's
     * cells, gradient tools and training utilities are for checking work in the notebooks.
     */
    public static List<String> forbidden(Exercise e) {
        return switch (e.id()) {
            case "E1" -> List.of("org.lstmlab.nn.RnnCell");
            case "E2" -> List.of("org.lstmlab.grad.");
            case "E3", "E4", "E5", "E6", "E7" -> List.of("org.lstmlab.nn.LstmCell");
            case "E8" -> List.of("org.lstmlab.nn.LstmCell", "org.lstmlab.grad.");
            case "E9" -> List.of("org.lstmlab.train.");
            default -> List.of();
        };
    }

    /** The total the points add up to. */
    public static int maxScore() {
        return ALL.stream().mapToInt(Exercise::points).sum();
    }

    /**
     * The exercise with this id, case-insensitive.
     *
     * @throws IllegalArgumentException naming the ids that exist
     */
    public static Exercise byId(String id) {
        for (Exercise e : ALL) {
            if (e.id().equalsIgnoreCase(id.trim())) return e;
        }
        throw new IllegalArgumentException("no exercise " + id + ": the exercises are E1 … E" + ALL.size());
    }

    /** The exercise whose file has this name, e.g. {@code E3ForgetGate.java}, or null. */
    public static Exercise byFileName(String fileName) {
        for (Exercise e : ALL) {
            if (e.fileName().equals(fileName)) return e;
        }
        return null;
    }

    private static Map<String, String> eq(String... methodEquation) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int k = 0; k < methodEquation.length; k += 2) m.put(methodEquation[k], methodEquation[k + 1]);
        return m;
    }
}
