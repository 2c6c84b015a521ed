package org.lstmlab.grade.notebook;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.lstmlab.grad.GradientFlow;
import org.lstmlab.grade.author.Draw;
import org.lstmlab.grade.author.Expect;
import org.lstmlab.grade.author.Say;
import org.lstmlab.grade.author.StudentCodeFailed;
import org.lstmlab.grade.report.YoursAndExpected;
import org.lstmlab.nn.GruCell;
import org.lstmlab.nn.GruParams;
import org.lstmlab.nn.LstmCell;
import org.lstmlab.nn.LstmParams;
import org.lstmlab.nn.LstmStep;
import org.lstmlab.nn.LstmStepGrads;
import org.lstmlab.nn.RnnCell;
import org.lstmlab.nn.RnnParams;
import org.lstmlab.nn.Sampling;
import org.lstmlab.train.GradientClipping;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The published input of every exercise and its expected output, which the library computes when asked —
 * nothing is stored. The published input is the grader's fixed case: {@link Draw#fixed()} (seed 7, B = 2,
 * X = 3, H = 4) drawn in the order of the exercise's test class, so a row that shows {@code ✓ close}
 * passes the fixed case's comparison (the randomised cases the grader adds are not shown).
 */
final class ExpectedOutput {
    private ExpectedOutput() {}

    /** E1 on x_t, h_{t-1} and W_h, b_h; expected from {@link RnnCell}. */
    static YoursAndExpected e1(Mine.E1RnnStep yours) {
        Draw d = Draw.fixed();
        INDArray x = d.uniform(2, d.b(), d.x()); // x_t, [B, X]
        INDArray hPrev = d.uniform(1, d.b(), d.h()); // h_{t-1}, [B, H]
        RnnParams p = d.rnnParams(1, 1); // W_h [H, H+X], b_h [H]
        return table("E1", "RNN step", d, "x_t [2, 3], h_{t-1} [2, 4], W_h [4, 7], b_h [4]")
                .row(
                        "h_t",
                        () -> yours.rnnStep(x, hPrev, p),
                        new RnnCell(p).forward(x, hPrev).h())
                .build();
    }

    /** E2 on a sequence of T = 8 steps; expected from {@link GradientFlow#rnn}'s Frobenius norms. */
    static YoursAndExpected e2(Mine.E2GradientNorms yours) {
        Draw d = Draw.fixed();
        int steps = 8;
        RnnParams p = d.rnnParams(1.2, 0.5); // W_h [H, H+X], b_h [H]
        INDArray xs = d.uniform(1, 1, steps, d.x()); // x_1 … x_T, [1, T, X]
        INDArray h0 = d.uniform(0.5, 1, d.h()); // h_0, [1, H]
        double[] frobenius = GradientFlow.rnn(new RnnCell(p), xs, h0).frobenius(); // lags 0 … T
        double[] expected = new double[steps];
        for (int t = 0; t < steps; t++) {
            expected[t] = frobenius[steps - t]; // ‖∂h_T/∂h_t‖ has lag T − t
        }
        return table(
                        "E2",
                        "gradient norms through time",
                        d,
                        "W_h [4, 7] ∈ ±1.2, b_h [4], x_1 … x_8 [1, 8, 3], h_0 [1, 4]")
                .row("‖∂h_T/∂h_t‖ [T]", () -> Nd4j.create(yours.gradientNorms(p, xs, h0)), Nd4j.create(expected))
                .build();
    }

    /** E3 on x_t, h_{t-1}, C_{t-1} and the LSTM's parameters; expected from {@link LstmCell}. */
    static YoursAndExpected e3(Mine.E3ForgetGate yours) {
        Lstm in = Lstm.draw(1);
        LstmParams p = in.p();
        return table("E3", "forget gate", in.d(), Lstm.SHAPES)
                .row(
                        "f_t",
                        () -> yours.forgetGate(in.hPrev(), in.x(), p.wF(), p.bF()),
                        in.step().f())
                .build();
    }

    /** E4 on the same draws as E3; expected from {@link LstmCell}. */
    static YoursAndExpected e4(Mine.E4InputGate yours) {
        Lstm in = Lstm.draw(1);
        LstmParams p = in.p();
        return table("E4", "input gate and candidate", in.d(), Lstm.SHAPES)
                .row(
                        "i_t",
                        () -> yours.inputGate(in.hPrev(), in.x(), p.wI(), p.bI()),
                        in.step().i())
                .row(
                        "C̃_t",
                        () -> yours.candidate(in.hPrev(), in.x(), p.wC(), p.bC()),
                        in.step().cTilde())
                .build();
    }

    /** E5 on the library's f_t, i_t, C̃_t of one step and C_{t-1} in ±2; expected from {@link LstmCell}. */
    static YoursAndExpected e5(Mine.E5CellState yours) {
        Lstm in = Lstm.draw(2);
        LstmStep s = in.step();
        return table("E5", "cell-state update", in.d(), Say.say("expected.e5Input", Lstm.SHAPES))
                .row("C_t", () -> yours.cellState(s.f(), s.i(), s.cTilde(), s.cPrev()), s.c())
                .build();
    }

    /** E6 on C_{t-1} in ±2.5, so that tanh(C_t) bends; h_t from the library's o_t and C_t. */
    static YoursAndExpected e6(Mine.E6OutputGate yours) {
        Lstm in = Lstm.draw(2.5);
        LstmParams p = in.p();
        LstmStep s = in.step();
        return table("E6", "output gate and hidden state", in.d(), Say.say("expected.e6Input", Lstm.SHAPES))
                .row("o_t", () -> yours.outputGate(in.hPrev(), in.x(), p.wO(), p.bO()), s.o())
                .row("h_t", () -> yours.hiddenState(s.o(), s.c()), s.h())
                .build();
    }

    /** E7 on C_{t-1} in ±2; expected from {@link LstmCell}. */
    static YoursAndExpected e7(Mine.E7LstmStep yours) {
        Lstm in = Lstm.draw(2);
        Supplier<Mine.E7LstmStep.State> step =
                YoursAndExpected.once(() -> yours.lstmStep(in.x(), in.hPrev(), in.cPrev(), in.p()));
        return table("E7", "full LSTM step", in.d(), Lstm.SHAPES)
                .row("h_t", () -> step.get().h(), in.step().h())
                .row("C_t", () -> step.get().c(), in.step().c())
                .build();
    }

    /** E8 on C_{t-1} in ±2 and ∂L/∂h_t, ∂L/∂C_t in ±1; expected from {@link LstmCell#backward}. */
    static YoursAndExpected e8(Mine.E8LstmBackward yours) {
        Lstm in = Lstm.draw(2);
        Draw d = in.d();
        INDArray dh = d.uniform(1, d.b(), d.h()); // ∂L/∂h_t, [B, H]
        INDArray dc = d.uniform(1, d.b(), d.h()); // ∂L/∂C_t from later steps, [B, H]
        LstmStepGrads want = new LstmCell(in.p()).backward(in.step(), dh, dc);
        Supplier<LstmStepGrads> got =
                YoursAndExpected.once(() -> yours.lstmStepBackward(in.x(), in.hPrev(), in.cPrev(), in.p(), dh, dc));
        YoursAndExpected.Builder t =
                table("E8", "LSTM step backward", d, Lstm.SHAPES + ", ∂L/∂h_t [2, 4], ∂L/∂C_t [2, 4]");
        String[] gates = {"f", "i", "C", "o"};
        for (int g = 0; g < 4; g++) {
            int k = g;
            t.row("∂L/∂W_" + gates[g], () -> weights(got.get().params())[k], weights(want.params())[k]);
            t.row("∂L/∂b_" + gates[g], () -> biases(got.get().params())[k], biases(want.params())[k]);
        }
        return t.row("∂L/∂x_t", () -> got.get().dx(), want.dx())
                .row("∂L/∂h_{t-1}", () -> got.get().dhPrev(), want.dhPrev())
                .row("∂L/∂C_{t-1}", () -> got.get().dcPrev(), want.dcPrev())
                .build();
    }

    /** E9 on ∂L/∂W_h and ∂L/∂b_h in ±3 and θ = 5, below their norm; expected from {@link GradientClipping}. */
    static YoursAndExpected e9(Mine.E9GradientClipping yours) {
        Draw d = Draw.fixed();
        Map<String, INDArray> grads = new LinkedHashMap<>();
        grads.put("W_h", d.uniform(3, d.h(), d.h() + d.x()));
        grads.put("b_h", d.uniform(3, d.h()));
        double theta = 5.0;
        Map<String, INDArray> want = new LinkedHashMap<>();
        grads.forEach((k, v) -> want.put(k, v.dup()));
        GradientClipping.clipByGlobalNorm(want, theta); // in place
        Supplier<Map<String, INDArray>> got = YoursAndExpected.once(() -> yours.clipGradients(grads, theta));
        String input = String.format(
                Locale.ROOT,
                "g = ∂L/∂W_h [4, 7], ∂L/∂b_h [4], ‖g‖ = %s, θ = 5",
                Expect.fmt(GradientClipping.globalNorm(grads)));
        YoursAndExpected.Builder t = table("E9", "gradient-norm clipping", d, input);
        for (String key : grads.keySet()) {
            t.row(Say.say("expected.clipped", "∂L/∂" + key), () -> present(got.get(), key), want.get(key));
        }
        return t.build();
    }

    /** E10 on x_t, h_{t-1} and the GRU's parameters, drawn as E10GruStepTest draws them; expected from {@link GruCell}. */
    static YoursAndExpected e10(Mine.E10GruStep yours) {
        Draw d = Draw.fixed();
        INDArray x = d.uniform(2, d.b(), d.x()); // x_t, [B, X]
        INDArray hPrev = d.uniform(1, d.b(), d.h()); // h_{t-1}, [B, H]
        GruParams p = d.gruParams(); // W_z, W_r, W_n [H, H+X], b_z, b_r, b_n, b_hn [H]
        return table("E10", "GRU step", d, "x_t [2, 3], h_{t-1} [2, 4], W_z, W_r, W_n [4, 7], b_z, b_r, b_n, b_hn [4]")
                .row(
                        "h_t",
                        () -> yours.gruStep(x, hPrev, p),
                        new GruCell(p).forward(x, hPrev).h())
                .build();
    }

    /**
     * E11 on scores ŷ [5] in ±3 and τ = 0.5, and the draw with seed 7; expected from {@link Sampling}.
     */
    static YoursAndExpected e11(Mine.E11SamplingTemperature yours) {
        Draw d = Draw.fixed();
        double[] logits = Expect.doubles(d.uniform(3, 5)); // ŷ, [V]
        double tau = 0.5;
        long seed = 7;
        int want = Sampling.sample(logits, tau, new java.util.Random(seed));
        return table("E11", "sampling with temperature", d, "ŷ [5], τ = 0.5, seed 7")
                .row(
                        "p = softmax(ŷ / τ)",
                        () -> Nd4j.createFromArray(yours.probabilities(logits, tau)),
                        Nd4j.createFromArray(Sampling.probabilities(logits, tau)))
                .row(
                        Say.say("hint.E11.theDraw"),
                        () -> Nd4j.createFromArray(new double[] {yours.sample(logits, tau, seed)}),
                        Nd4j.createFromArray(new double[] {want}))
                .build();
    }

    /** A table titled with the exercise's id and its title in the student's language. */
    private static YoursAndExpected.Builder table(String id, String englishTitle, Draw d, String shapes) {
        return new YoursAndExpected.Builder(id + " " + Say.title(id, englishTitle), d + ", " + shapes);
    }

    /** W_f, W_i, W_C, W_o. */
    private static INDArray[] weights(LstmParams p) {
        return new INDArray[] {p.wF(), p.wI(), p.wC(), p.wO()};
    }

    /** b_f, b_i, b_C, b_o. */
    private static INDArray[] biases(LstmParams p) {
        return new INDArray[] {p.bF(), p.bI(), p.bC(), p.bO()};
    }

    private static INDArray present(Map<String, INDArray> clipped, String key) {
        INDArray a = clipped.get(key);
        if (a == null) {
            throw new StudentCodeFailed(
                    StudentCodeFailed.Kind.UNREADABLE,
                    Say.say("expected.missingKey", "E9GradientClipping.clipGradients", key, clipped.keySet()));
        }
        return a;
    }

    /** One LSTM step's inputs, drawn in the order of the test classes, and the library's step on them. */
    private record Lstm(Draw d, INDArray x, INDArray hPrev, INDArray cPrev, LstmParams p, LstmStep step) {
        static final String SHAPES = "x_t [2, 3], h_{t-1} [2, 4], C_{t-1} [2, 4], W_g [4, 7], b_g [4]";

        /** @param cLimit C_{t-1} is uniform in ±cLimit */
        static Lstm draw(double cLimit) {
            Draw d = Draw.fixed();
            INDArray x = d.uniform(2, d.b(), d.x()); // x_t, [B, X]
            INDArray hPrev = d.uniform(1, d.b(), d.h()); // h_{t-1}, [B, H]
            INDArray cPrev = d.uniform(cLimit, d.b(), d.h()); // C_{t-1}, [B, H]
            LstmParams p = d.lstmParams(); // W_g [H, H+X], b_g [H]
            return new Lstm(d, x, hPrev, cPrev, p, new LstmCell(p).forward(x, hPrev, cPrev));
        }
    }
}
