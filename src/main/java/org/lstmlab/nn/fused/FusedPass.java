package org.lstmlab.nn.fused;

import org.lstmlab.nn.RecurrentLayer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a fused layer's forward run leaves for its backward pass: h_1 … h_T, and the layer's reused
 * {@link Workspace} as this run left it. It stays valid until the next run on the same layer; a caller done
 * with it says so with {@link #release()}.
 */
public abstract class FusedPass implements RecurrentLayer.SequencePass {
    private final Object owner;
    final Workspace<?> workspace;
    final long generation;
    private final INDArray hs;
    private boolean released;

    FusedPass(Object owner, Workspace<?> workspace, INDArray hs) {
        this.owner = owner;
        this.workspace = workspace;
        this.generation = workspace.generation;
        this.hs = hs;
    }

    /** h_1 … h_T, {@code [B, T, H]}. */
    @Override
    public final INDArray hs() {
        requireNotReleased("hs()");
        return hs;
    }

    /** T. */
    public final int length() {
        return (int) hs.size(1);
    }

    /**
     * Gives h_1 … h_T back to the layer, whose next run writes its own h_1 … h_T into the same array (no
     * allocation, no fresh memory), and frees whatever else the pass made: see
     * {@link RecurrentLayer.SequencePass#release()}. An {@code hs()} kept past this call would change under you.
     */
    @Override
    public final void release() {
        if (released) return;
        released = true;
        workspace.takeBack(hs);
        releaseMore();
    }

    /** Frees what a subclass made on request (the LSTM's C_1 … C_T). */
    void releaseMore() {}

    final void requireNotReleased(String what) {
        if (released) {
            throw new IllegalStateException("this pass was released (Pass.release): " + what
                    + " is no longer available; keep the pass until you are done with its arrays");
        }
    }

    /**
     * The workspace to run backward on, after checking that this pass is {@code layer}'s latest run and not
     * released.
     *
     * @param name the layer's class name, for the messages
     */
    final Workspace<?> latestRunOf(Object layer, Workspace<?> current, String name) {
        if (owner != layer) {
            throw new IllegalArgumentException("run must come from this " + name + "'s run or forwardSequence");
        }
        if (released) {
            throw new IllegalStateException(
                    "this pass was released (Pass.release): run the sequence again before backwardSequence");
        }
        if (workspace != current || workspace.generation != generation) {
            throw new IllegalStateException("this pass was overwritten by a later run of the same " + name
                    + " (it reuses its workspace): call backwardSequence before the next run");
        }
        return workspace;
    }
}
