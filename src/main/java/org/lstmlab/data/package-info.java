/**
 * What the networks learn from: the adding problem of Hochreiter &amp; Schmidhuber (1997)
 * ({@link org.lstmlab.data.AddingProblem}), the real series in {@code datasets/} read with declared Tablesaw
 * column types ({@link org.lstmlab.data.SeattleWeather}, {@link org.lstmlab.data.Co2Concentration}),
 * windowing, standardisation and baselines for forecasting, the character model's text
 * ({@link org.lstmlab.data.CharCorpus}, {@link org.lstmlab.data.CharStreams}, {@link org.lstmlab.data.CharBaselines},
 * {@link org.lstmlab.data.CodeFeatures}), the {@link org.lstmlab.data.Batch} a training
 * step consumes and the {@link org.lstmlab.data.BatchSource} that supplies it, and
 * {@link org.lstmlab.data.CourseFolder}, which finds the course's files.
 *
 * <p>May use: {@code nn} (shape checks), ND4J and Tablesaw. Used by {@code train} and the course.
 */
package org.lstmlab.data;
