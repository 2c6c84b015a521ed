/**
 * The fast path: {@link org.lstmlab.nn.fused.FusedLstm} (every {@link org.lstmlab.nn.LstmVariant} as an option),
 * {@link org.lstmlab.nn.fused.FusedRnn} and {@link org.lstmlab.nn.fused.FusedGru}, the same LSTM, RNN and GRU as
 * {@link org.lstmlab.nn.LstmCell}, {@link org.lstmlab.nn.RnnCell} and {@link org.lstmlab.nn.GruCell} computed as
 * production libraries do, and the pieces they share — the stacked weight layout {@code W = [W_f; W_i; W_C; W_o]}
 * (or {@code [W_z; W_r; W_n]}, or W_h alone) ({@code StackedWeights}), the forward and backward pass over reused
 * buffers, one GEMM per step ({@code Workspace}, with each cell's part in {@code LstmWorkspace},
 * {@code RnnWorkspace} and {@code GruWorkspace}), the
 * element-wise gate maths ({@code GateKernels}) with σ and tanh written so the JIT vectorises them
 * ({@code Activations}), GEMM on ND4J's native memory ({@code NativeBuffer}), and what the layers do around
 * a run ({@code FusedLayer}, {@code FusedPass}); and {@link org.lstmlab.nn.fused.FusedCharModel}, the character
 * model of {@link org.lstmlab.nn.CharModel} on the fused LSTM with a row gather and a fused softmax cross-entropy.
 * FLOAT parameters are
 * computed in float throughout, DOUBLE ones in double. {@code FusedLstmTest}, {@code FusedRnnTest} and
 * {@code FusedGruTest} hold them equal to the readable cells (1e-12 in float64) and float32 close to float64; {@code ActivationsTest}
 * holds σ and tanh to a few ulp of {@link java.lang.Math}.
 *
 * <p>May use: {@code nn} and ND4J (with the OpenBLAS it links). Used by {@code train} and the course.
 */
package org.lstmlab.nn.fused;
