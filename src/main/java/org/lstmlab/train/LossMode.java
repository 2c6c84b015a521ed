package org.lstmlab.train;

/** Where the sequence-regression loss looks: at the last step only, or at every step. */
public enum LossMode {
    /** MSE of {@code ŷ_T} against targets {@code [B, Y]}: one answer per sequence (the adding problem). */
    LAST_STEP,
    /** MSE of {@code ŷ_t} at every t against targets {@code [B, T, Y]}: a prediction per step (forecasting). */
    EVERY_STEP
}
