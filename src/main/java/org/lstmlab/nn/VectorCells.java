package org.lstmlab.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FusedLstm}'s gate maths with SIMD lanes (the JDK's Vector API, whose exponential is the CPU's vector
 * math library): the same equations as {@link FusedLstm#cellForward} and {@link FusedLstm#cellBackward},
 * several hidden units at a time. Only loaded when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}; otherwise the scalar loops run.
 */
final class VectorCells {
    private static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_PREFERRED;

    private VectorCells() {}

    /** As {@link FusedLstm#cellForward}. */
    static void cellForward(double[] z, double[] bias, double[] c, int at, double[] tanhC, double[] h, int batch, int hidden) {
        final int hh = hidden;
        final int bound = LANES.loopBound(hh);
        for (int r = 0; r < batch; r++) {
            final int zr = r * 4 * hh;
            final int s = at + r * hh;
            int j = 0;
            for (; j < bound; j += LANES.length()) {
                DoubleVector f = sigmoid(load(z, zr + j).add(load(bias, j)));                     // f_t = σ(W_f·[h_{t-1}, x_t] + b_f)
                DoubleVector i = sigmoid(load(z, zr + hh + j).add(load(bias, hh + j)));           // i_t = σ(W_i·[h_{t-1}, x_t] + b_i)
                DoubleVector cTilde = tanh(load(z, zr + 2 * hh + j).add(load(bias, 2 * hh + j))); // C̃_t = tanh(W_C·[h_{t-1}, x_t] + b_C)
                DoubleVector cNew = f.mul(load(c, s + j)).add(i.mul(cTilde));                    // C_t = f_t * C_{t-1} + i_t * C̃_t
                DoubleVector o = sigmoid(load(z, zr + 3 * hh + j).add(load(bias, 3 * hh + j)));   // o_t = σ(W_o·[h_{t-1}, x_t] + b_o)
                DoubleVector tanhCNew = tanh(cNew);
                o.mul(tanhCNew).intoArray(h, r * hh + j);                                         // h_t = o_t * tanh(C_t)
                cNew.intoArray(c, s + batch * hh + j);
                tanhCNew.intoArray(tanhC, s + j);
                f.intoArray(z, zr + j);
                i.intoArray(z, zr + hh + j);
                cTilde.intoArray(z, zr + 2 * hh + j);
                o.intoArray(z, zr + 3 * hh + j);
            }
            if (j < hh) FusedLstm.cellForwardColumns(z, bias, c, at, tanhC, h, batch, hidden, r, j);
        }
    }

    /** As {@link FusedLstm#cellBackward}. */
    static void cellBackward(double[] z, double[] c, double[] tanhC, int t, double[] dHs, int steps,
                             double[] dhNext, double[] dcNext, double[] db, int batch, int hidden) {
        final int hh = hidden;
        final int at = t * batch * hh;
        final int bound = LANES.loopBound(hh);
        for (int r = 0; r < batch; r++) {
            final int zr = r * 4 * hh;
            final int s = r * hh;
            final int fromLoss = (r * steps + t) * hh;
            int j = 0;
            for (; j < bound; j += LANES.length()) {
                DoubleVector f = load(z, zr + j);
                DoubleVector i = load(z, zr + hh + j);
                DoubleVector cTilde = load(z, zr + 2 * hh + j);
                DoubleVector o = load(z, zr + 3 * hh + j);
                DoubleVector cPrev = load(c, at + s + j);
                DoubleVector tc = load(tanhC, at + s + j);
                DoubleVector dh = load(dHs, fromLoss + j).add(load(dhNext, s + j));                   // ∂L/∂h_t
                DoubleVector dC = dh.mul(o).mul(oneMinus(tc.mul(tc))).add(load(dcNext, s + j));       // ∂L/∂C_t
                DoubleVector zF = dC.mul(cPrev).mul(f.mul(oneMinus(f)));                              // ∂L/∂z_f
                DoubleVector zI = dC.mul(cTilde).mul(i.mul(oneMinus(i)));                             // ∂L/∂z_i
                DoubleVector zC = dC.mul(i).mul(oneMinus(cTilde.mul(cTilde)));                        // ∂L/∂z_C
                DoubleVector zO = dh.mul(tc).mul(o.mul(oneMinus(o)));                                 // ∂L/∂z_o
                dC.mul(f).intoArray(dcNext, s + j);                                                   // ∂L/∂C_{t-1}
                zF.intoArray(z, zr + j);
                zI.intoArray(z, zr + hh + j);
                zC.intoArray(z, zr + 2 * hh + j);
                zO.intoArray(z, zr + 3 * hh + j);
                load(db, j).add(zF).intoArray(db, j);
                load(db, hh + j).add(zI).intoArray(db, hh + j);
                load(db, 2 * hh + j).add(zC).intoArray(db, 2 * hh + j);
                load(db, 3 * hh + j).add(zO).intoArray(db, 3 * hh + j);
            }
            if (j < hh) FusedLstm.cellBackwardColumns(z, c, tanhC, t, dHs, steps, dhNext, dcNext, db, batch, hidden, r, j);
        }
    }

    private static DoubleVector load(double[] a, int at) {
        return DoubleVector.fromArray(LANES, a, at);
    }

    private static DoubleVector oneMinus(DoubleVector v) {
        return v.neg().add(1.0);
    }

    /** σ(x) = 1 / (1 + e^{−x}), as {@link FusedLstm#sigmoid}. */
    private static DoubleVector sigmoid(DoubleVector x) {
        return x.broadcast(1.0).div(x.neg().lanewise(VectorOperators.EXP).add(1.0));
    }

    /** tanh(x) = 2σ(2x) − 1, as {@link FusedLstm#tanh}. */
    private static DoubleVector tanh(DoubleVector x) {
        return x.broadcast(2.0).div(x.mul(-2.0).lanewise(VectorOperators.EXP).add(1.0)).sub(1.0);
    }
}
