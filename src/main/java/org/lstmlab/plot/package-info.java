/**
 * The course's figures as XChart charts, data first: each class takes plain arrays or library records and
 * returns a chart ({@link org.lstmlab.plot.GradientNormChart}, {@link org.lstmlab.plot.GateHeatmapChart},
 * {@link org.lstmlab.plot.TrainingCurveChart}, {@link org.lstmlab.plot.ForecastChart}, …) with one shared
 * look ({@code Figures}); {@link org.lstmlab.plot.ChartImages} turns any of them into PNG headless.
 *
 * <p>May use: {@code nn} (sequence records), XChart and AWT. Used by the notebooks and the course.
 */
package org.lstmlab.plot;
