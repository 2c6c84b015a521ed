package org.lstmlab.grad;

/**
 * How far gradients travel back through an LSTM, three ways, each indexed by the lag k = T − t
 * (see {@link GradientFlow#lstm}).
 *
 * @param hidden   ‖∂h_T/∂h_t‖ through the full recurrence: every path between step t and step T, through
 *                 h and through C, with C_t held fixed (the h-to-h block of the product of the state
 *                 Jacobians ∂(h_s, C_s)/∂(h_{s−1}, C_{s−1}))
 * @param cellPath ‖∂C_T/∂C_t‖ along the cell path only: Π_{s=t+1..T} diag(f_s), the derivative of the
 *                 additive update C_s = f_s * C_{s−1} + i_s * C̃_s with the gates (and h_{s−1}) held fixed,
 *                 the constant error carousel of Hochreiter &amp; Schmidhuber (1997)
 * @param cell     ‖∂C_T/∂C_t‖ through the full recurrence (the C-to-C block of the same product, with
 *                 h_t held fixed), which adds the paths that leave the cell through h and come back via
 *                 the gates; unlike the cell path it is not bounded by 1 and can grow when C_t grows
 *                 (with a saturated forget gate C_t accumulates i_s * C̃_s and the gates feed it back)
 */
public record LstmJacobianNorms(JacobianNorms hidden, JacobianNorms cellPath, JacobianNorms cell) {}
