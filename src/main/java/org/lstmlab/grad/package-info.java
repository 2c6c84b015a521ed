/**
 * Gradients as objects of study: {@link org.lstmlab.grad.GradientCheck} compares backpropagation with
 * central differences in float64 (CS231n's relative error), and {@link org.lstmlab.grad.GradientFlow}
 * measures how far a gradient travels back in time — the norms of ∂h_T/∂h_t for the RNN and ∂C_T/∂C_t for the
 * LSTM, against the bound of Pascanu, Mikolov &amp; Bengio (2013).
 *
 * <p>May use: {@code nn} and ND4J. Used by the course's scenes and the notebooks.
 */
package org.lstmlab.grad;
