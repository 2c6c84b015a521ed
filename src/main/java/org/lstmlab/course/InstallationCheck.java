package org.lstmlab.course;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.knowm.xchart.XYChart;
import org.lstmlab.data.Co2Concentration;
import org.lstmlab.data.CourseFolder;
import org.lstmlab.data.Datasets;
import org.lstmlab.data.SeattleWeather;
import org.lstmlab.plot.ChartImages;
import org.lstmlab.plot.Words;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Notebook 00's installation check: Java 17 or newer, ND4J's native backend computing a product,
 * the course's datasets, the {@code exercises/} folder, and a chart drawn headless. Each line says
 * what was found and, when something is wrong, what to do about it.
 *
 * <pre>{@code
 * InstallationCheck.Report report = InstallationCheck.run();   // shown as a table in a notebook
 * report.allPassed();
 * }</pre>
 */
public final class InstallationCheck {
    /** The oldest Java the course supports. */
    public static final int MINIMUM_JAVA = 17;
    /** Where the exercises live below the course folder. */
    public static final String EXERCISES = "exercises/org/lstmlab/exercises";

    private InstallationCheck() {}

    /**
     * One checked item.
     *
     * @param name   what was checked, e.g. {@code Java}
     * @param passed whether it is fine
     * @param found  what was found
     * @param fix    what to do when it is not fine (empty when it is)
     */
    public record Item(String name, boolean passed, String found, String fix) {}

    /** Every item, in the order checked. */
    public record Report(List<Item> items) {
        public Report {
            items = List.copyOf(items);
        }

        /** Whether every item passed. */
        public boolean allPassed() {
            return items.stream().allMatch(Item::passed);
        }

        /** The item of one name. */
        public Item item(String name) {
            return items.stream()
                    .filter(i -> i.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no item '" + name + "'"));
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder();
            for (Item i : items) {
                s.append(i.passed() ? "ok    " : "FIX   ")
                        .append(String.format("%-12s", Words.term("check item", i.name())))
                        .append(Words.t(i.found()));
                if (!i.passed()) s.append("\n      -> ").append(Words.t(i.fix()));
                s.append('\n');
            }
            s.append(Words.t(
                    allPassed()
                            ? "Everything is in place."
                            : "Fix the lines marked FIX, then restart the kernel and run this cell again."));
            return s.toString();
        }

        /** The same as an HTML table, for the notebook. */
        public String toHtml() {
            StringBuilder s = new StringBuilder("<table><thead><tr><th></th><th style=\"text-align:left\">"
                    + Words.term("column", "check") + "</th><th style=\"text-align:left\">"
                    + Words.term("column", "found")
                    + "</th><th style=\"text-align:left\">" + Words.t("what to do") + "</th></tr></thead><tbody>");
            for (Item i : items) {
                s.append("<tr><td>")
                        .append(i.passed() ? "✔" : "✘")
                        .append("</td><td style=\"text-align:left\">")
                        .append(escape(Words.term("check item", i.name())))
                        .append("</td><td style=\"text-align:left\">")
                        .append(escape(Words.t(i.found())))
                        .append("</td><td style=\"text-align:left\">")
                        .append(escape(Words.t(i.fix())))
                        .append("</td></tr>");
            }
            s.append("</tbody></table><p><b>")
                    .append(Words.t(
                            allPassed()
                                    ? "Everything is in place."
                                    : "Fix the rows marked ✘, then restart the kernel and run this cell again."))
                    .append("</b></p>");
            return s.toString();
        }

        private static String escape(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }
    }

    /** Checks this kernel: its Java, ND4J, the datasets found by {@link Datasets#directory()}, exercises/ above the working folder, a chart. */
    public static Report run() {
        return new Report(List.of(
                java(Runtime.version().feature()),
                nd4j(),
                datasets(Datasets.directory()),
                exercises(Path.of("").toAbsolutePath()),
                charts(),
                new Item("Quick mode", true, Quick.describe(), "")));
    }

    /** Java {@code feature} (e.g. 17) against {@link #MINIMUM_JAVA}. */
    public static Item java(int feature) {
        boolean ok = feature >= MINIMUM_JAVA;
        return new Item(
                "Java",
                ok,
                "Java " + feature + " (" + System.getProperty("java.vm.name", "?") + ")",
                ok ? "" : "install a JDK " + MINIMUM_JAVA + " or newer, set JAVA_HOME to it and run ./lab start again");
    }

    /** ND4J multiplies a 2 × 2 matrix by the identity on its native backend. */
    public static Item nd4j() {
        return attempt(
                "ND4J",
                () -> {
                    INDArray a = Nd4j.create(new double[][] {{1, 2}, {3, 4}}); // [2, 2]
                    INDArray product = a.mmul(Nd4j.eye(2).castTo(DataType.DOUBLE)); // [2, 2]
                    if (!product.equals(a))
                        throw new IllegalStateException("A · I ≠ A: the backend computes wrong results");
                    return "backend " + Nd4j.getBackend().getClass().getSimpleName() + ", A · I = A";
                },
                "ND4J's native library did not load: run ./lab start again (it builds for this machine's platform);"
                        + " on Linux check that glibc is 2.17 or newer");
    }

    /** The datasets folder holds the files the notebooks read. */
    public static Item datasets(Path directory) {
        List<String> missing = new ArrayList<>();
        for (String file : List.of(SeattleWeather.FILE, Co2Concentration.FILE)) {
            if (!Files.isRegularFile(directory.resolve(file))) missing.add(file);
        }
        if (missing.isEmpty())
            return new Item(
                    "Datasets", true, directory + " has " + SeattleWeather.FILE + " and " + Co2Concentration.FILE, "");
        return new Item(
                "Datasets",
                false,
                directory + " lacks " + String.join(", ", missing),
                "open the notebooks from the course folder (./lab start), or set " + Datasets.DIRECTORY_ENV
                        + " to the course's datasets/ folder; restore missing files with git checkout -- datasets");
    }

    /** {@code exercises/} is found in {@code start} or a folder above it, with the exercise files in it. */
    public static Item exercises(Path start) {
        var course = CourseFolder.above(start, dir -> Files.isDirectory(dir.resolve(EXERCISES)));
        if (course.isPresent()) {
            Path folder = course.get().resolve(EXERCISES);
            try (var files = Files.list(folder)) {
                long count = files.filter(p -> p.getFileName().toString().matches("E\\d+\\w*\\.java"))
                        .count();
                if (count > 0) return new Item("Exercises", true, count + " exercise files in " + folder, "");
            } catch (java.io.IOException e) {
                return new Item(
                        "Exercises",
                        false,
                        folder + " cannot be read: " + e.getMessage(),
                        "check the folder's permissions");
            }
            return new Item(
                    "Exercises",
                    false,
                    folder + " has no exercise files",
                    "regenerate them with ./lab exercises (or git checkout -- exercises)");
        }
        return new Item(
                "Exercises",
                false,
                "no " + EXERCISES + " in " + start + " or above",
                "open the notebooks from the course folder (./lab start) so that exercises/ is next to notebooks/");
    }

    /** A small XChart chart is drawn to pixels headless. */
    public static Item charts() {
        return attempt(
                "Charts",
                () -> {
                    XYChart chart = new XYChart(200, 120);
                    chart.addSeries("y = x", new double[] {0, 1}, new double[] {0, 1});
                    var image = ChartImages.image(chart);
                    return "drew a " + image.getWidth() + " × " + image.getHeight() + " chart headless";
                },
                "charts need fontconfig and a font: on Debian/Ubuntu sudo apt-get install fontconfig fonts-dejavu-core");
    }

    private static Item attempt(String name, Supplier<String> check, String fix) {
        try {
            return new Item(name, true, check.get(), "");
        } catch (RuntimeException | LinkageError e) {
            return new Item(name, false, e.getClass().getSimpleName() + ": " + e.getMessage(), fix);
        }
    }
}
