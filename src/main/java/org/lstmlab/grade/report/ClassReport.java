package org.lstmlab.grade.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a class got wrong, from the reports of one batch: the scores, for every exercise and test the share of the
 * class that passed, the diagnosed mistakes ranked by how many students made them (with their names), the
 * submissions that did not compile, timed out or broke a rule, the slowest, and the pairs the similarity check
 * flagged. {@link ClassReportHtml} shows it; {@link #json()} is the same data.
 *
 * @param students how many submissions were graded
 * @param maxScore the points available
 * @param scores every student's total, in the order graded
 * @param exercises pass rates by exercise and test, in course order
 * @param mistakes the diagnosed mistakes (and exercises left as the starter), most frequent first
 * @param didNotCompile one line per student and exercise whose file did not compile: the compiler's first message
 * @param stopped timeouts and broken rules, one line per student and exercise
 * @param slowest the submissions that took longest to grade, slowest first (at most {@value #SLOWEST})
 * @param similarity what the similarity check found, or why it did not run
 */
public record ClassReport(
        int students,
        double maxScore,
        List<Student> scores,
        List<ExerciseRate> exercises,
        List<Finding> mistakes,
        List<Trouble> didNotCompile,
        List<Trouble> stopped,
        List<Timing> slowest,
        Similarity similarity) {

    /** How many of the slowest submissions the report names. */
    public static final int SLOWEST = 5;

    /** One student's total. */
    public record Student(String student, double score) {}

    /** How many of the class passed an exercise's tests. */
    public record ExerciseRate(
            String id,
            String title,
            double maxScore,
            int fullMarks,
            int graded,
            double meanScore,
            List<TestRate> tests) {}

    /** How many of the class passed one test, e.g. {@code 3.2}. */
    public record TestRate(String number, String name, double points, int passed, int graded) {}

    /**
     * One diagnosis and who got it, e.g. E3, {@code "f_t misses the bias b_f"}, [alice, bob].
     *
     * @param kind {@code MISTAKE} or {@code NOT_IMPLEMENTED}
     */
    public record Finding(String exercise, Diagnosis.Kind kind, String text, List<String> students) {
        public int count() {
            return students.size();
        }
    }

    /** A submission's exercise that could not be graded, and why. */
    public record Trouble(String student, String exercise, Diagnosis.Kind kind, String message) {}

    /** How long a submission took to grade. */
    public record Timing(String student, double seconds, int childJvms) {}

    /**
     * What the similarity check found.
     *
     * @param ran whether it ran
     * @param note what it compared (tool, base code, threshold), or why it did not run
     * @param threshold the similarity from which a pair is listed, 0 … 1
     * @param pairs the pairs at or above the threshold, most similar first
     */
    public record Similarity(boolean ran, String note, double threshold, List<SimilarPair> pairs) {
        /** The check was not run, e.g. {@code --no-similarity}. */
        public static Similarity off(String why) {
            return new Similarity(false, why, 0, List.of());
        }
    }

    /**
     * Two submissions whose code is alike.
     *
     * @param similarity JPlag's average similarity, 0 … 1
     * @param link JPlag's report file of the pair, relative to the class report
     */
    public record SimilarPair(String first, String second, double similarity, String link) {}

    /** The class report of a batch. */
    public static ClassReport of(List<Report> reports, Similarity similarity) {
        double max = reports.stream().mapToDouble(Report::maxScore).max().orElse(0);
        List<Student> scores =
                reports.stream().map(r -> new Student(r.student(), r.score())).toList();
        return new ClassReport(
                reports.size(),
                max,
                scores,
                rates(reports),
                mistakes(reports),
                troubles(reports, true),
                troubles(reports, false),
                reports.stream()
                        .sorted(Comparator.comparingDouble(Report::seconds).reversed())
                        .limit(SLOWEST)
                        .map(r -> new Timing(r.student(), r.seconds(), r.childJvms()))
                        .toList(),
                similarity);
    }

    private static List<ExerciseRate> rates(List<Report> reports) {
        Map<String, List<ExerciseResult>> byId = new LinkedHashMap<>();
        for (Report r : reports) {
            for (ExerciseResult e : r.exercises()) {
                byId.computeIfAbsent(e.id(), k -> new ArrayList<>()).add(e);
            }
        }
        List<ExerciseRate> rates = new ArrayList<>();
        byId.forEach((id, results) -> {
            Map<String, TestRate> tests = new LinkedHashMap<>();
            for (ExerciseResult e : results) {
                for (TestResult t : e.tests()) {
                    TestRate was = tests.getOrDefault(
                            t.number(), new TestRate(t.number(), testName(t.name()), t.maxScore(), 0, 0));
                    tests.put(
                            t.number(),
                            new TestRate(
                                    was.number(),
                                    was.name(),
                                    was.points(),
                                    was.passed() + (t.passed() ? 1 : 0),
                                    was.graded() + 1));
                }
            }
            ExerciseResult first = results.get(0);
            rates.add(new ExerciseRate(
                    id,
                    first.title(),
                    first.maxScore(),
                    (int) results.stream()
                            .filter(e -> e.score() >= e.maxScore())
                            .count(),
                    results.size(),
                    results.stream()
                            .mapToDouble(ExerciseResult::score)
                            .average()
                            .orElse(0),
                    List.copyOf(tests.values())));
        });
        return rates;
    }

    /** {@code "fixed case"} of {@code "E3 forget gate: fixed case"}. */
    private static String testName(String name) {
        int k = name.indexOf(": ");
        return k < 0 ? name : name.substring(k + 2);
    }

    private static List<Finding> mistakes(List<Report> reports) {
        record Key(String exercise, Diagnosis.Kind kind, String text) {}
        Map<Key, TreeSet<String>> who = new LinkedHashMap<>();
        for (Report r : reports) {
            for (ExerciseResult e : r.exercises()) {
                for (TestResult t : e.tests()) {
                    Diagnosis d = t.diagnosis();
                    if (d != null
                            && (d.kind() == Diagnosis.Kind.MISTAKE || d.kind() == Diagnosis.Kind.NOT_IMPLEMENTED)) {
                        who.computeIfAbsent(new Key(e.id(), d.kind(), d.text()), k -> new TreeSet<>())
                                .add(r.student());
                    }
                }
            }
        }
        List<Finding> found = new ArrayList<>();
        who.forEach((k, students) -> found.add(new Finding(k.exercise(), k.kind(), k.text(), List.copyOf(students))));
        found.sort(Comparator.comparingInt(Finding::count).reversed()); // stable: course order among equals
        return found;
    }

    /** One line per student and exercise: those that did not compile, or else the timeouts and broken rules. */
    private static List<Trouble> troubles(List<Report> reports, boolean compile) {
        List<Trouble> out = new ArrayList<>();
        for (Report r : reports) {
            for (ExerciseResult e : r.exercises()) {
                e.tests().stream()
                        .map(TestResult::diagnosis)
                        .filter(d -> d != null
                                && (compile
                                        ? d.kind() == Diagnosis.Kind.DOES_NOT_COMPILE
                                        : d.kind() == Diagnosis.Kind.TIMED_OUT
                                                || d.kind() == Diagnosis.Kind.BROKE_RULE))
                        .findFirst()
                        .ifPresent(d -> out.add(new Trouble(r.student(), e.id(), d.kind(), d.text())));
            }
        }
        return out;
    }

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    /** The same data as JSON (every string escaped as JSON, {@code <} and {@code >} too). */
    public String json() {
        return GSON.toJson(this) + "\n";
    }

    /** A class report read back from {@link #json()}. */
    public static ClassReport fromJson(String json) {
        return GSON.fromJson(json, ClassReport.class);
    }
}
