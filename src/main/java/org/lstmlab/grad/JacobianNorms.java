package org.lstmlab.grad;

/**
 * Norms of a Jacobian ∂s_T/∂s_t through time, indexed by the lag k = T − t: entry 0 is the identity
 * ∂s_T/∂s_T, entry T reaches back to the initial state.
 *
 * @param spectral  the spectral norm ‖·‖₂ (largest singular value: how much the Jacobian can stretch
 *                  the most sensitive direction), {@code [T+1]}
 * @param frobenius the Frobenius norm ‖·‖_F (root of the sum of squared entries, ≥ spectral, ≤ √H · spectral),
 *                  {@code [T+1]}
 */
public record JacobianNorms(double[] spectral, double[] frobenius) {
    public JacobianNorms {
        if (spectral.length != frobenius.length) {
            throw new IllegalArgumentException("spectral and frobenius must have one entry per lag but have "
                    + spectral.length + " and " + frobenius.length);
        }
        spectral = spectral.clone();
        frobenius = frobenius.clone();
    }

    @Override
    public double[] spectral() {
        return spectral.clone();
    }

    @Override
    public double[] frobenius() {
        return frobenius.clone();
    }

    /** The largest lag, T. */
    public int maxLag() {
        return spectral.length - 1;
    }

    /** The lags 0 … T as doubles, the x axis of a norm-vs-lag plot. */
    public double[] lags() {
        double[] k = new double[spectral.length];
        for (int j = 0; j < k.length; j++) k[j] = j;
        return k;
    }

    /** ‖∂s_T/∂s_{T−k}‖₂. */
    public double spectralAt(int lag) {
        return spectral[checkLag(lag)];
    }

    /** ‖∂s_T/∂s_{T−k}‖_F. */
    public double frobeniusAt(int lag) {
        return frobenius[checkLag(lag)];
    }

    private int checkLag(int lag) {
        if (lag < 0 || lag >= spectral.length) {
            throw new IllegalArgumentException("lag T − t must be in 0 … " + maxLag() + " but is " + lag);
        }
        return lag;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("lag  spectral   frobenius\n");
        for (int k = 0; k < spectral.length; k++) {
            s.append(String.format(java.util.Locale.ROOT, "%3d  %.3e  %.3e%n", k, spectral[k], frobenius[k]));
        }
        return s.toString().stripTrailing();
    }
}
