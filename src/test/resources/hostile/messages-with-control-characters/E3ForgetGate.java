package org.lstmlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Hostile submission: an exception whose message holds an unpaired surrogate (which no UTF-8 writer can encode),
 * NUL, a lone carriage return, ANSI sequences that clear the console and an OSC 52 sequence that writes the
 * clipboard, and a right-to-left override.
 */
public final class E3ForgetGate {
    public static INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF) {
        throw new IllegalStateException("surrogate \ud800 nul \u0000 cr \r ansi \u001b[2J\u001b[H osc \u001b]52;c;cHduZWQ=\u0007"
                + " csi \u009b31m rtl \u202e end");
    }
}
