package org.lstmlab.exercises;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Hostile submission: closes the JVM's standard input, output and error under the grader's channel. */
public final class E3ForgetGate {
    public static INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF) throws Exception {
        new FileInputStream(FileDescriptor.in).close();
        new FileOutputStream(FileDescriptor.out).close();
        new FileOutputStream(FileDescriptor.err).close();
        System.out.close();
        return null;
    }
}
