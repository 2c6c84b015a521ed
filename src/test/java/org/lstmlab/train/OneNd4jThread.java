package org.lstmlab.train;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs a test class with one ND4J thread and restores the previous setting afterwards. The course's
 * arrays are tiny ([32, 16]): ND4J's OpenMP threads cost more than they save, and on a loaded 2-core
 * machine they made a training step 3–10× slower.
 */
final class OneNd4jThread implements BeforeAllCallback, AfterAllCallback {
    private int savedThreads;
    private int savedMasterThreads;

    @Override
    public void beforeAll(ExtensionContext context) {
        savedThreads = Nd4j.getEnvironment().maxThreads();
        savedMasterThreads = Nd4j.getEnvironment().maxMasterThreads();
        Nd4j.getEnvironment().setMaxThreads(1);
        Nd4j.getEnvironment().setMaxMasterThreads(1);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Nd4j.getEnvironment().setMaxThreads(savedThreads);
        Nd4j.getEnvironment().setMaxMasterThreads(savedMasterThreads);
    }
}
