/**
 * The readable path: the RNN, LSTM and GRU cells the notebooks teach, one equation per line in the course's
 * notation. {@link org.lstmlab.nn.RnnCell} and {@link org.lstmlab.nn.LstmCell} each have a step
 * ({@code forward}) returning a cache record ({@link org.lstmlab.nn.RnnStep}, {@link org.lstmlab.nn.LstmStep}),
 * its {@code backward}, and the sequence versions over {@code [B, T, X]}; {@link org.lstmlab.nn.GruCell} (notebook 09)
 * is built the same way with {@link org.lstmlab.nn.GruParams} and {@link org.lstmlab.nn.GruStep}; their parameters are named records
 * ({@link org.lstmlab.nn.LstmParams}: {@code wF, bF, wI, bI, wC, bC, wO, bO}) drawn by
 * {@link org.lstmlab.nn.SeededUniform}, and {@link org.lstmlab.nn.PyTorchLstm} maps them to PyTorch's layout.
 * {@link org.lstmlab.nn.Shapes} checks every public entry point's shapes with the course's symbols.
 * {@link org.lstmlab.nn.CharModel} is notebook 10's character-level language model written the same way (one-hot
 * input, softmax and cross-entropy as separate steps), and {@link org.lstmlab.nn.Sampling} draws from it with a
 * temperature.
 *
 * <p>May use: ND4J only. Everything else in the library builds on this package; the fast path lives in
 * {@code nn.fused}, above it, so that this package reads as the lesson.
 */
package org.lstmlab.nn;
