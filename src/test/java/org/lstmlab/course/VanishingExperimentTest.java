package org.lstmlab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VanishingExperimentTest {
    private static final VanishingExperiment EXPERIMENT = VanishingExperiment.defaults();

    @Test
    void atLagFiftyTheRnnWithSpectralNormOneHalfHasAGradientNormBelowOneInAHundredMillion() {
        var curves = EXPERIMENT.rnn(0.5, 0.9, 1.0, 1.5);
        double norm = curves.at(VanishingExperiment.rnnName(0.5), 50);
        System.out.println(curves.table(10, 50, 60));
        assertTrue(norm < 1e-8, "‖∂h_T/∂h_{T−50}‖₂ = " + norm);
        assertEquals(
                List.of("‖W_hh‖₂ = 0.5", "‖W_hh‖₂ = 0.9", "‖W_hh‖₂ = 1", "‖W_hh‖₂ = 1.5"),
                List.copyOf(curves.measured().keySet()));
        assertEquals(4, curves.bounds().size());
    }

    @Test
    void everyMeasuredRnnNormStaysUnderItsPascanuBound() {
        var curves = EXPERIMENT.rnn(0.5, 0.9, 1.0, 1.5);
        var measured = List.copyOf(curves.measured().values());
        var bounds = List.copyOf(curves.bounds().values());
        for (int c = 0; c < measured.size(); c++) {
            for (int k = 0; k < curves.lags().length; k++) {
                assertTrue(measured.get(c)[k] <= bounds.get(c)[k] * (1 + 1e-9), "curve " + c + " lag " + k);
            }
        }
    }

    @Test
    void anLstmWithForgetGatesNearOneKeepsTheCellPathNormAboveOneHundredthAtLagFifty() {
        var curves = EXPERIMENT.rnnAndLstm(0.9, 1.0, 5.0);
        double lstm = curves.at(VanishingExperiment.lstmName(5.0), 50);
        double rnn = curves.at("RNN ‖∂h_T/∂h_t‖₂, ‖W_hh‖₂ = 0.9", 50);
        System.out.println(curves.table(10, 50, 60));
        assertTrue(lstm > 1e-2, "cell path at b_f = 5: " + lstm);
        assertTrue(lstm > 1e3 * rnn, "LSTM " + lstm + " vs RNN " + rnn);
        assertTrue(curves.at(VanishingExperiment.lstmName(1.0), 50) < lstm, "a smaller forget bias forgets faster");
    }

    @Test
    void theSameSeedGivesTheSameInputsAndAnotherSeedOthers() {
        assertEquals(EXPERIMENT.inputs(), VanishingExperiment.defaults().inputs());
        assertTrue(!EXPERIMENT.inputs().equals(new VanishingExperiment(4, 16, 60, 8).inputs()));
    }

    @Test
    void badSizesAndUnknownCurvesAreRejectedInCourseSymbols() {
        var e = assertThrows(IllegalArgumentException.class, () -> new VanishingExperiment(4, 0, 100, 1));
        assertTrue(e.getMessage().contains("H = 0"), e.getMessage());
        var curves = new VanishingExperiment(2, 3, 5, 1).rnn(0.5);
        assertThrows(IllegalArgumentException.class, () -> curves.at("nope", 1));
        assertThrows(IllegalArgumentException.class, () -> curves.at(VanishingExperiment.rnnName(0.5), 6));
        assertThrows(IllegalArgumentException.class, () -> EXPERIMENT.rnn());
    }
}
