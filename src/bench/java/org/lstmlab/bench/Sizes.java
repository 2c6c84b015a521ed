package org.lstmlab.bench;

import org.nd4j.linalg.api.buffer.DataType;

/** The sizes the benchmark compares, named as in issue 7. */
enum Sizes {
    tiny(1, 8, 3, 4),
    course(32, 100, 8, 64),
    larger(64, 200, 128, 256);

    final int batch;
    final int steps;
    final int input;
    final int hidden;

    Sizes(int batch, int steps, int input, int hidden) {
        this.batch = batch;
        this.steps = steps;
        this.input = input;
        this.hidden = hidden;
    }

    /** Multiply-adds ×2 of the forward pass: one [B·T, H+X]×[H+X, 4H] product's worth. */
    double forwardFlops() {
        return 2.0 * batch * steps * (hidden + input) * 4.0 * hidden;
    }

    /** Forward, then ∂L/∂[h, x] and ∂L/∂W: three such products. */
    double forwardBackwardFlops() {
        return 3 * forwardFlops();
    }

    String label() {
        return name() + " (B=" + batch + ", T=" + steps + ", X=" + input + ", H=" + hidden + ")";
    }

    static DataType type(String dtype) {
        return switch (dtype) {
            case "float64" -> DataType.DOUBLE;
            case "float32" -> DataType.FLOAT;
            default -> throw new IllegalArgumentException("dtype must be float64 or float32 but is " + dtype);
        };
    }
}
