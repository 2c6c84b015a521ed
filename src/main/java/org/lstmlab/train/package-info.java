/**
 * Training for sequence regression: {@link org.lstmlab.train.SequenceRegressor} (any
 * {@link org.lstmlab.nn.RecurrentLayer} plus a linear readout, MSE on the last or every step),
 * {@link org.lstmlab.train.Sgd} and {@link org.lstmlab.train.Adam}, global-norm
 * {@link org.lstmlab.train.GradientClipping}, and the loop {@link org.lstmlab.train.Trainer} that
 * returns a {@link org.lstmlab.train.History} of plain arrays for the plots; and
 * {@link org.lstmlab.train.CharTrainer}, truncated backpropagation through time for the character model. Training lengths in the
 * notebooks come from {@link org.lstmlab.course.Quick}, the course's one quick switch.
 *
 * <p>May use: {@code nn}, {@code nn.fused} and {@code data}. Used by the course's scenes and the notebooks.
 *
 * <pre>{@code
 * var problem = AddingProblem.modern(20);
 * var model = new SequenceRegressor(new LstmCell(LstmParams.init(2, 16, Init.UNIFORM, 1.0, 1, DataType.DOUBLE)), 1, 1);
 * History h = Trainer.fit(model, problem, TrainConfig.defaults()
 *         .withSteps(Quick.pick(1000, 350)).withLearningRate(0.05));
 * double baseline = problem.sample(1000, 7).constantBaselineMse();
 * }</pre>
 */
package org.lstmlab.train;
