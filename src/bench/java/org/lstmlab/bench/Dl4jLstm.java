package org.lstmlab.bench;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.lstmlab.nn.LstmParams;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * DL4J 1.0.0-M2.1's {@code LSTM} layer holding the course parameters. DL4J stacks its gate blocks in the
 * order C̃, f, o, i with {@code W [X, 4H]} (input), {@code RW [H, 4H]} (recurrent) and {@code b [1, 4H]}, and
 * reads sequences as {@code [B, X, T]}.
 */
final class Dl4jLstm {
    private final org.deeplearning4j.nn.layers.recurrent.LSTM layer;
    private final LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();

    Dl4jLstm(LstmParams p) {
        int h = p.hiddenSize();
        int x = p.inputSize();
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .dataType(p.dataType())
                .seed(1)
                .list()
                .layer(new LSTM.Builder()
                        .nIn(x)
                        .nOut(h)
                        .activation(Activation.TANH)
                        .gateActivationFunction(Activation.SIGMOID)
                        .build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        net.initGradientsView(); // backprop writes into views of one gradient array, made lazily by fit()
        layer = (org.deeplearning4j.nn.layers.recurrent.LSTM) net.getLayer(0);
        INDArray[] weights = {p.wC(), p.wF(), p.wO(), p.wI()}; // DL4J's block order C̃, f, o, i
        INDArray[] biases = {p.bC(), p.bF(), p.bO(), p.bI()};
        INDArray w = layer.getParam("W");
        INDArray rw = layer.getParam("RW");
        INDArray b = layer.getParam("b");
        for (int g = 0; g < 4; g++) {
            var cols = NDArrayIndex.interval((long) g * h, (long) (g + 1) * h);
            w.get(NDArrayIndex.all(), cols)
                    .assign(weights[g]
                            .get(NDArrayIndex.all(), NDArrayIndex.interval(h, h + x))
                            .transpose());
            rw.get(NDArrayIndex.all(), cols)
                    .assign(weights[g]
                            .get(NDArrayIndex.all(), NDArrayIndex.interval(0, h))
                            .transpose());
            b.get(NDArrayIndex.all(), cols).assign(biases[g].reshape(1, h));
        }
    }

    /** @param xs {@code [B, X, T]}; returns h_t as {@code [B, H, T]} */
    INDArray forward(INDArray xs) {
        return layer.activate(xs, true, noWorkspaces);
    }

    /** Forward, then backward with ∂L/∂h = {@code dHs} ({@code [B, H, T]}), as DL4J's own training step does. */
    Pair<Gradient, INDArray> forwardBackward(INDArray xs, INDArray dHs) {
        layer.activate(xs, true, noWorkspaces);
        return layer.backpropGradient(dHs, noWorkspaces);
    }

    /** Input as DL4J wants it: {@code [B, T, X]} to {@code [B, X, T]}. */
    static INDArray layout(INDArray xs) {
        return xs.permute(0, 2, 1).dup('c');
    }

    static INDArray ones(INDArray like) {
        return Nd4j.onesLike(like);
    }
}
