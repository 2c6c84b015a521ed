package org.lstmlab.readme;

import org.lstmlab.nn.Init;
import org.lstmlab.nn.LstmCell;
import org.lstmlab.nn.LstmParams;
import org.lstmlab.nn.LstmStep;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The library example shown in README.md; ReadmeExampleTest checks that the README shows this code and what it prints. */
final class ReadmeExample {
    private ReadmeExample() {}

    static void run() {
        // example:begin
        var params = LstmParams.init(3, 4, Init.UNIFORM, 1.0, 42, DataType.DOUBLE); // X = 3, H = 4, b_f += 1
        var cell = new LstmCell(params);
        INDArray x = Nd4j.create(new double[][] {{0.5, -1.0, 2.0}}); // x_t, [B, X] = [1, 3]
        INDArray h0 = Nd4j.zeros(DataType.DOUBLE, 1, 4); // h_{t-1}, [B, H]
        INDArray c0 = Nd4j.zeros(DataType.DOUBLE, 1, 4); // C_{t-1}, [B, H]
        LstmStep step = cell.forward(x, h0, c0);
        System.out.printf("f_t = %s%n", java.util.Arrays.toString(step.f().toDoubleVector()));
        System.out.printf("C_t = %s%n", java.util.Arrays.toString(step.c().toDoubleVector()));
        System.out.printf("h_t = %s%n", java.util.Arrays.toString(step.h().toDoubleVector()));
        try {
            cell.forward(Nd4j.zeros(DataType.DOUBLE, 1, 5), h0, c0);
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
        }
        // example:end
    }
}
