package org.lstmlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What one LSTM step computed: every intermediate the course plots, kept for the backward pass.
 * All gate arrays are {@code [B, H]}.
 *
 * @param x      x_t, {@code [B, X]}
 * @param hPrev  h_{t-1}
 * @param cPrev  C_{t-1}
 * @param hx     [h_{t-1}, x_t], {@code [B, H+X]}
 * @param f      forget gate f_t = σ(W_f·[h_{t-1}, x_t] + b_f)
 * @param i      input gate i_t = σ(W_i·[h_{t-1}, x_t] + b_i)
 * @param cTilde candidate C̃_t = tanh(W_C·[h_{t-1}, x_t] + b_C)
 * @param c      cell state C_t = f_t * C_{t-1} + i_t * C̃_t
 * @param o      output gate o_t = σ(W_o·[h_{t-1}, x_t] + b_o)
 * @param tanhC  tanh(C_t)
 * @param h      hidden state h_t = o_t * tanh(C_t)
 */
public record LstmStep(
        INDArray x,
        INDArray hPrev,
        INDArray cPrev,
        INDArray hx,
        INDArray f,
        INDArray i,
        INDArray cTilde,
        INDArray c,
        INDArray o,
        INDArray tanhC,
        INDArray h) {}
