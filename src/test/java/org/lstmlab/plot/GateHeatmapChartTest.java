package org.lstmlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapSeries;
import org.lstmlab.nn.LstmCell;
import org.lstmlab.nn.LstmParams;
import org.lstmlab.nn.LstmSequence;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class GateHeatmapChartTest {

    /** Values inside the gate's range that differ at every (t, j). */
    static double[][] grid(Gate gate, int steps, int units) {
        double[][] v = new double[steps][units];
        for (int t = 0; t < steps; t++) {
            for (int j = 0; j < units; j++)
                v[t][j] = gate.min() + (gate.max() - gate.min()) * ((t * units + j) % 97) / 96.0;
        }
        return v;
    }

    @ParameterizedTest
    @EnumSource(Gate.class)
    void everyGateIsDrawnAsTimeByUnitWithItsFixedRange(Gate gate) {
        double[][] values = grid(gate, 30, 6);
        HeatMapChart chart = GateHeatmapChart.chart(gate, values);
        assertTrue(chart.getTitle().contains(gate.symbol()), chart.getTitle());
        assertEquals("time step t", chart.getXAxisTitle());
        assertEquals("hidden unit j", chart.getYAxisTitle());
        HeatMapSeries s = chart.getHeatMapSeries();
        assertEquals(gate.symbol(), s.getName());
        assertEquals(gate.min(), s.getMin());
        assertEquals(gate.max(), s.getMax());
        assertEquals(30, s.getXData().size());
        assertEquals(6, s.getYData().size());
        List<? extends Number[]> heat = s.getHeatData();
        assertEquals(30 * 6, heat.size());
        for (Number[] cell : heat) {
            assertEquals(values[cell[0].intValue()][cell[1].intValue()], cell[2].doubleValue());
        }
        assertTrue(RenderedChart.hasContent(
                RenderedChart.renderAndDecode(chart, "gate-" + gate.name().toLowerCase())));
    }

    @Test
    void sigmoidGatesSpanZeroToOneAndTheCandidateMinusOneToOne() {
        assertEquals(List.of(0.0, 1.0), List.of(Gate.FORGET.min(), Gate.FORGET.max()));
        assertEquals(List.of(0.0, 1.0), List.of(Gate.INPUT.min(), Gate.OUTPUT.max()));
        assertEquals(List.of(-1.0, 1.0), List.of(Gate.CANDIDATE.min(), Gate.CANDIDATE.max()));
    }

    @Test
    void theRangeStaysFixedWhenTheValuesUseOnlyPartOfIt() {
        double[][] narrow = {{0.4, 0.5}, {0.45, 0.55}};
        HeatMapSeries s = GateHeatmapChart.chart(Gate.FORGET, narrow).getHeatMapSeries();
        assertEquals(0.0, s.getMin());
        assertEquals(1.0, s.getMax());
    }

    @Test
    void timeStepsAreLabelledFromOne() {
        HeatMapChart chart = GateHeatmapChart.chart(Gate.INPUT, grid(Gate.INPUT, 5, 2));
        assertEquals(List.of(1, 2, 3, 4, 5), chart.getHeatMapSeries().getXData());
    }

    @Test
    void aLstmRunGivesEachStepsGateOfTheChosenExample() {
        LstmParams p = LstmParams.init(3, 4, 7);
        INDArray xs = Nd4j.rand(DataType.DOUBLE, 2, 12, 3).subi(0.5); // [B, T, X]
        LstmSequence seq = new LstmCell(p)
                .forwardSequence(xs, Nd4j.zeros(DataType.DOUBLE, 2, 4), Nd4j.zeros(DataType.DOUBLE, 2, 4));
        HeatMapChart chart = GateHeatmapChart.chart(Gate.CANDIDATE, seq, 1);
        for (Number[] cell : chart.getHeatMapSeries().getHeatData()) {
            int t = cell[0].intValue(), j = cell[1].intValue();
            assertEquals(seq.steps().get(t).cTilde().getDouble(1, j), cell[2].doubleValue());
        }
        RenderedChart.renderAndDecode(chart, "gate-from-lstm-run");
        assertThrows(IllegalArgumentException.class, () -> GateHeatmapChart.chart(Gate.FORGET, seq, 2));
    }

    @Test
    void aValueOutsideTheGatesRangeIsRefusedWithItsPlace() {
        double[][] v = grid(Gate.FORGET, 4, 3);
        v[2][1] = 1.7;
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> GateHeatmapChart.chart(Gate.FORGET, v));
        assertEquals(
                "f_t at t = 3, unit 1 is 1.7 but σ gives values in [0.0, 1.0]: was the pre-activation passed instead of the gate?",
                e.getMessage());
    }

    @Test
    void raggedOrEmptyValuesAreRefused() {
        IllegalArgumentException ragged = assertThrows(
                IllegalArgumentException.class,
                () -> GateHeatmapChart.chart(Gate.OUTPUT, new double[][] {{0.1, 0.2}, {0.3}}));
        assertEquals("o_t must be [T][H] = [2][2] but step t = 2 has 1 units", ragged.getMessage());
        IllegalArgumentException empty = assertThrows(
                IllegalArgumentException.class, () -> GateHeatmapChart.chart(Gate.OUTPUT, new double[0][]));
        assertTrue(empty.getMessage().contains("is empty"), empty.getMessage());
    }
}
