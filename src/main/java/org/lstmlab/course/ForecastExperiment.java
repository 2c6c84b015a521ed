package org.lstmlab.course;

import java.util.LinkedHashMap;
import java.util.Map;
import org.lstmlab.data.Baselines;
import org.lstmlab.data.Batch;
import org.lstmlab.data.ForecastData;
import org.lstmlab.data.Metrics;
import org.lstmlab.nn.Init;
import org.lstmlab.nn.LstmParams;
import org.lstmlab.nn.fused.FusedLstm;
import org.lstmlab.train.History;
import org.lstmlab.train.LossMode;
import org.lstmlab.train.SequenceRegressor;
import org.lstmlab.train.TrainConfig;
import org.lstmlab.train.Trainer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Notebook 08's forecaster: an LSTM with a linear readout trained on the training windows of a
 * {@link ForecastData} (validation loss recorded), then judged on the test windows — held-out time
 * after everything it saw — against the persistence forecast ŷ = x_T, both in the data's units.
 *
 * <pre>{@code
 * ForecastData data = ForecastData.builder(SeattleWeather.load())
 *         .inputs(TEMP_MAX, TEMP_MIN, PRECIPITATION, WIND).targets(TEMP_MAX).window(30).build();
 * ForecastExperiment.Result r = ForecastExperiment.defaults().run(data);
 * r.mse();  r.persistenceMse();                    // °C² on the test part
 * }</pre>
 *
 * @param hiddenSize H
 * @param forgetBias b_f at initialisation
 * @param config     how to train (epochs over the training windows); its validation data is replaced by the validation windows
 * @param seed       seeds the weights
 */
public record ForecastExperiment(int hiddenSize, double forgetBias, TrainConfig config, long seed) {

    public ForecastExperiment {
        if (hiddenSize < 1) throw new IllegalArgumentException("H must be at least 1 but is " + hiddenSize);
    }

    /**
     * H = 16, b_f = 1, Adam at α = 0.01, B = 32, clipping at 1, {@code Quick.pick(8, 3)} epochs,
     * validation loss every 10 steps, progress off, seed 1.
     */
    public static ForecastExperiment defaults() {
        TrainConfig config = TrainConfig.defaults()
                .withEpochs(Quick.pick(8, 3))
                .withBatchSize(32)
                .withLearningRate(0.01)
                .withClipNorm(1.0)
                .withValidateEvery(10)
                .withSeed(42)
                .quiet();
        return new ForecastExperiment(16, 1.0, config, 1);
    }

    /** The same experiment trained with another config. */
    public ForecastExperiment withConfig(TrainConfig config) {
        return new ForecastExperiment(hiddenSize, forgetBias, config, seed);
    }

    /**
     * Trains a fresh LSTM on {@code data.train()} and forecasts {@code data.test()}.
     *
     * @param data windows {@code [B, T, X]} with targets {@code [B, Y]}, standardised
     * @return the model, its run, and the test forecasts of the model and of persistence in the data's units
     */
    public Result run(ForecastData data) {
        int inputs = (int) data.train().inputs().size(2);
        int outputs = (int) data.train().targets().size(1);
        var dataType = data.train().inputs().dataType();
        var model = new SequenceRegressor(
                new FusedLstm(FusedLstm.stacked(
                        LstmParams.init(inputs, hiddenSize, Init.UNIFORM, forgetBias, seed, dataType))),
                outputs,
                seed);
        var validation = new Batch(data.validation().inputs(), data.validation().targets());
        History history =
                Trainer.fit(model, data.train().inputs(), data.train().targets(), config.withValidation(validation));
        INDArray truth = data.inverseTargets(data.test().targets()); // [B, Y]
        INDArray forecast = data.inverseTargets(model.predict(data.test().inputs(), LossMode.LAST_STEP)); // [B, Y]
        INDArray persistence = data.inverseTargets(Baselines.persistence(data.test())); // [B, Y]
        double persistenceValidation = Metrics.mse(
                Baselines.persistence(data.validation()), data.validation().targets()); // standardised, like the losses
        return new Result(model, history, truth, forecast, persistence, persistenceValidation);
    }

    /**
     * The trained forecaster and its test forecasts, in the data's units.
     *
     * @param model       the trained LSTM and readout
     * @param history     its training and validation losses (standardised units)
     * @param truth       the test targets, {@code [B, Y]}
     * @param forecast    the model's forecasts, {@code [B, Y]}
     * @param persistence ŷ = x_T, {@code [B, Y]}
     * @param persistenceValidationLoss persistence's MSE on the validation windows in the standardised
     *                    units of the training curves: the baseline to draw on them
     */
    public record Result(
            SequenceRegressor model,
            History history,
            INDArray truth,
            INDArray forecast,
            INDArray persistence,
            double persistenceValidationLoss) {

        /** The model's MSE on the test part. */
        public double mse() {
            return Metrics.mse(forecast, truth);
        }

        /** Persistence's MSE on the test part. */
        public double persistenceMse() {
            return Metrics.mse(persistence, truth);
        }

        /** The fraction of persistence's MSE the model removes: 1 − MSE / MSE_persistence (negative when worse). */
        public double improvement() {
            return 1 - mse() / persistenceMse();
        }

        /** Whether the model's test MSE is below persistence's. */
        public boolean beatsPersistence() {
            return mse() < persistenceMse();
        }

        /** Target column {@code y} of the truth, the model and persistence, for {@code ForecastChart}. */
        public Map<String, double[]> forecasts(int y) {
            Map<String, double[]> m = new LinkedHashMap<>();
            m.put("LSTM", column(forecast, y));
            m.put("persistence", column(persistence, y));
            return m;
        }

        /** Target column {@code y} of the truth, {@code [B]}. */
        public double[] truth(int y) {
            return column(truth, y);
        }

        private static double[] column(INDArray a, int y) {
            return a.getColumn(y).toDoubleVector();
        }

        @Override
        public String toString() {
            return String.format(
                    "test MSE: LSTM %.3f, persistence %.3f (the LSTM removes %.1f%% of persistence's error)%n"
                            + "test MAE: LSTM %.3f, persistence %.3f",
                    mse(),
                    persistenceMse(),
                    100 * improvement(),
                    Metrics.mae(forecast, truth),
                    Metrics.mae(persistence, truth));
        }
    }
}
