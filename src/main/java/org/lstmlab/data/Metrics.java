package org.lstmlab.data;

import org.lstmlab.nn.Shapes;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Forecast errors averaged over every sample and target column. */
public final class Metrics {
    private Metrics() {}

    /**
     * Mean squared error {@code mean((ŷ − y)²)}.
     *
     * @param prediction ŷ, {@code [B, Y]}
     * @param truth      y, {@code [B, Y]}
     */
    public static double mse(INDArray prediction, INDArray truth) {
        INDArray diff = difference(prediction, truth); // [B, Y]
        return diff.mul(diff).meanNumber().doubleValue();
    }

    /**
     * Mean absolute error {@code mean(|ŷ − y|)}.
     *
     * @param prediction ŷ, {@code [B, Y]}
     * @param truth      y, {@code [B, Y]}
     */
    public static double mae(INDArray prediction, INDArray truth) {
        return Transforms.abs(difference(prediction, truth), false).meanNumber().doubleValue();
    }

    private static INDArray difference(INDArray prediction, INDArray truth) {
        Shapes.require("y", "[B, Y]", truth, Shapes.ANY, Shapes.ANY);
        Shapes.require("ŷ", "[B, Y]", prediction, truth.size(0), truth.size(1));
        Shapes.requireType("ŷ", prediction, truth.dataType());
        return prediction.sub(truth); // [B, Y]
    }
}
