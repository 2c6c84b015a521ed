package org.lstmlab.grad;

/**
 * The finite-difference formula of a numeric gradient. Both are central differences; they differ in
 * how many loss evaluations they spend per element and how fast their truncation error shrinks with ε.
 */
public enum Stencil {
    /**
     * {@code (L(θ+ε) − L(θ−ε)) / 2ε}, the formula of CS231n: truncation error O(ε²), rounding error
     * O(u·|L|/ε) with u ≈ 1.1e-16; ε = 1e-6 balances them to about 1e-10 absolute.
     */
    TWO_POINT(1e-6),
    /**
     * {@code (−L(θ+2ε) + 8·L(θ+ε) − 8·L(θ−ε) + L(θ−2ε)) / 12ε}, the fourth-order central difference
     * (Fornberg 1988): truncation error O(ε⁴), so ε can be large, which shrinks the rounding error;
     * ε = 1e-3 gives about 1e-12 absolute. The gradient checks use it, so that elements whose gradient
     * is small (1e-3) still check to 1e-9 relative.
     */
    FIVE_POINT(1e-3);

    private final double defaultEpsilon;

    Stencil(double defaultEpsilon) {
        this.defaultEpsilon = defaultEpsilon;
    }

    /** The step ε that balances truncation and rounding for losses of order 1 in float64. */
    public double defaultEpsilon() {
        return defaultEpsilon;
    }

    /** The formula, for reports. */
    public String formula() {
        return this == TWO_POINT ? "(L(θ+ε) − L(θ−ε)) / 2ε" : "(−L(θ+2ε) + 8L(θ+ε) − 8L(θ−ε) + L(θ−2ε)) / 12ε";
    }
}
