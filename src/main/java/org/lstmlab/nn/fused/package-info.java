/**
 * The fast path: {@link org.lstmlab.nn.fused.FusedLstm}, the same LSTM as {@link org.lstmlab.nn.LstmCell}
 * computed as production libraries do, and the pieces it is made of — the stacked weight layout
 * {@code W = [W_f; W_i; W_C; W_o]} ({@code StackedWeights}), the forward and backward pass over reused
 * buffers ({@code Workspace}), the element-wise gate maths ({@code GateKernels}) with σ and tanh written so
 * the JIT vectorises them ({@code Activations}), and GEMM on ND4J's native memory ({@code NativeBuffer}).
 * FLOAT parameters are computed in float throughout, DOUBLE ones in double. {@code FusedLstmTest} holds it
 * equal to the readable cell (1e-12 in float64) and float32 close to float64; {@code ActivationsTest} holds
 * σ and tanh to a few ulp of {@link java.lang.Math}.
 *
 * <p>May use: {@code nn} and ND4J (with the OpenBLAS it links). Used by {@code train} and the course.
 */
package org.lstmlab.nn.fused;
