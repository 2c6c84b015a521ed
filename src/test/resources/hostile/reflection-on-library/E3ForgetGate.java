package org.lstmlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Hostile submission: the library's LstmCell reached through a class name assembled at run time. */
public final class E3ForgetGate {
    public static INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF) throws Exception {
        String pkg = "org.lstmlab." + "nn.";
        Class<?> cell = Class.forName(pkg + "Lstm" + "Cell");
        Class<?> params = Class.forName(pkg + "LstmParams");
        Object p = params.getConstructors()[0].newInstance(wF, bF, wF, bF, wF, bF, wF, bF);
        Object c = cell.getConstructor(params).newInstance(p);
        Object step = cell.getMethod("forward", INDArray.class, INDArray.class, INDArray.class)
                .invoke(c, x, hPrev, hPrev.mul(0));
        return (INDArray) step.getClass().getMethod("f").invoke(step);
    }
}
