package org.lstmlab.grade.similarity;

import de.jplag.JPlag;
import de.jplag.JPlagComparison;
import de.jplag.JPlagResult;
import de.jplag.exceptions.ExitException;
import de.jplag.options.JPlagOptions;
import de.jplag.options.SimilarityMetric;
import de.jplag.reporting.reportobject.ReportObjectFactory;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.lstmlab.grade.report.ClassReport;

/**
 * Runs JPlag over a class's submissions and names the pairs whose code is alike. Each submission's Java files
 * (from its folder as the grader unpacked it, at most {@value #MAX_FILE_BYTES} bytes a file, {@value #MAX_FILES} files
 * and {@value #MAX_TOTAL_BYTES} bytes in all) are copied
 * under a numbered name ({@code s001}, …) into a folder of the report, JPlag compares them with the starter code as
 * base code, and its report (the zip its report viewer opens, and that zip unpacked: one JSON file per pair) is
 * written beside them. Nothing is sent anywhere.
 */
public final class SimilarityCheck {
    /** The average similarity from which a pair is listed: half of each submission's code in common. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    static final int MAX_FILE_BYTES = 1 << 20;
    static final int MAX_FILES = 200;
    /**
     * All a submission's files together, at most: JPlag parses in the grader's JVM, and 200 files of 1 MB from a
     * small zip, for each of a few students, would fill its memory. A class's real submissions are a few dozen KB.
     */
    static final long MAX_TOTAL_BYTES = 2L << 20;

    private SimilarityCheck() {}

    /**
     * Compares the submissions as the grader read them: each one's folder after the grader unpacked it (a zip, a zip
     * in a zip), each source file's text read from its bytes by {@code text} as the grader's compiler reads it, so a
     * copy sent another way (zipped twice, saved as UTF-16) is compared as the code that was graded.
     *
     * @param submissions each student's folder, by the student's name; anything else holds no Java file here
     * @param starter the starter code (the student edition's {@code exercises/}), or null for no base code
     * @param out the folder the class report is written to; JPlag's files go to {@code out/similarity}
     * @param threshold JPlag's average similarity from which a pair is listed, 0 … 1
     * @param text a source file's text from its bytes
     * @return the pairs, most similar first, with links relative to {@code out}; or why the check could not run
     */
    public static ClassReport.Similarity check(
            Map<String, Path> submissions, Path starter, Path out, double threshold, Function<byte[], String> text)
            throws IOException {
        Path dir = out.resolve("similarity");
        delete(dir);
        Path staged = Files.createDirectories(dir.resolve("submissions"));
        Map<String, String> students = new LinkedHashMap<>(); // s001 → the student's name
        Set<File> roots = new LinkedHashSet<>();
        int k = 0;
        for (Map.Entry<String, Path> s : submissions.entrySet()) {
            String id = String.format(Locale.ROOT, "s%03d", ++k);
            Path into = staged.resolve(id);
            if (copyJavaFiles(s.getValue(), into, text) > 0) {
                students.put(id, s.getKey());
            } else {
                delete(into);
            }
        }
        if (students.size() < 2) {
            delete(dir);
            return ClassReport.Similarity.off("fewer than two submissions hold Java files");
        }
        roots.add(staged.toFile());
        JPlagOptions options = new JPlagOptions(new de.jplag.java.Language(), roots, Set.of())
                .withSimilarityMetric(SimilarityMetric.AVG)
                .withSimilarityThreshold(0)
                .withMaximumNumberOfComparisons(JPlagOptions.SHOW_ALL_COMPARISONS);
        String base = "";
        if (starter != null && Files.isDirectory(starter)) {
            Path baseDir = dir.resolve("base-code");
            if (copyJavaFiles(starter, baseDir, text) > 0) {
                options = options.withBaseCodeSubmissionDirectory(baseDir.toFile());
                base = ", the starter code as base code";
            }
        }
        JPlagResult result;
        try {
            result = new JPlag(options).run();
        } catch (ExitException | RuntimeException e) {
            // One submission can break JPlag's parser for everyone (a source nested so deeply that its stack
            // overflows):
            // leave out each that its parser cannot read alone, and compare the others
            List<String> unreadable = new ArrayList<>();
            for (String id : students.keySet()) {
                if (!parses(staged.resolve(id))) {
                    delete(staged.resolve(id));
                    unreadable.add(id);
                }
            }
            try {
                if (unreadable.isEmpty() || students.size() - unreadable.size() < 2) throw e;
                result = new JPlag(options).run();
            } catch (ExitException | RuntimeException again) {
                return new ClassReport.Similarity(
                        false, "JPlag " + JPlag.JPLAG_VERSION + " failed: " + again.getMessage(), threshold, List.of());
            }
        }
        Path zip = dir.resolve("jplag-report");
        new ReportObjectFactory().createAndSaveReport(result, zip.toString());
        Path zipFile = dir.resolve("jplag-report.zip");
        Path unpacked = dir.resolve("jplag-report");
        if (Files.isRegularFile(zipFile)) {
            unzip(zipFile, unpacked);
        }
        List<ClassReport.SimilarPair> pairs = new ArrayList<>();
        for (JPlagComparison c : result.getAllComparisons()) {
            double sim = c.similarity();
            if (sim < threshold) continue;
            String a = c.firstSubmission().getName();
            String b = c.secondSubmission().getName();
            String x = students.getOrDefault(a, a), y = students.getOrDefault(b, b);
            // each pair named in the same order on every run, whichever JPlag's threads compared first
            boolean swap = x.compareTo(y) > 0;
            pairs.add(new ClassReport.SimilarPair(swap ? y : x, swap ? x : y, sim, link(out, unpacked, a, b)));
        }
        pairs.sort(Comparator.comparingDouble(ClassReport.SimilarPair::similarity)
                .reversed()
                .thenComparing(ClassReport.SimilarPair::first)
                .thenComparing(ClassReport.SimilarPair::second));
        Set<String> compared = new LinkedHashSet<>();
        result.getSubmissions().getSubmissions().forEach(s -> compared.add(s.getName()));
        List<String> left = students.entrySet().stream()
                .filter(e -> !compared.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .toList();
        String note = String.format(
                Locale.ROOT,
                "JPlag %s compared %d submissions (%d pairs, Java%s); listed: pairs whose average similarity is %.0f%%"
                        + " or more. All of JPlag's report: similarity/jplag-report.zip.%s",
                JPlag.JPLAG_VERSION,
                compared.size(),
                result.getAllComparisons().size(),
                base,
                100 * threshold,
                left.isEmpty() ? "" : " Left out, as JPlag could not parse them: " + String.join(", ", left) + ".");
        return new ClassReport.Similarity(true, note, threshold, List.copyOf(pairs));
    }

    /** A stack smaller than any JPlag parses on, so what breaks JPlag breaks this parse too. */
    private static final long PROBE_STACK_BYTES = 256 << 10;

    /** Whether JPlag's Java parser reads the files in {@code dir} alone, on a stack smaller than its own. */
    private static boolean parses(Path dir) {
        Set<File> files = new LinkedHashSet<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.forEach(p -> files.add(p.toFile()));
        } catch (IOException e) {
            return false;
        }
        boolean[] ok = new boolean[1];
        Thread probe = new Thread(
                null,
                () -> {
                    try {
                        new de.jplag.java.Language().parse(files);
                        ok[0] = true;
                    } catch (de.jplag.ParsingException | RuntimeException | StackOverflowError unreadable) {
                        // ok stays false
                    }
                },
                "similarity-probe",
                PROBE_STACK_BYTES);
        probe.start();
        try {
            probe.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return ok[0];
    }

    /** JPlag's file of a pair, relative to the class report, or null when its report has none. */
    private static String link(Path out, Path unpacked, String a, String b) {
        for (String name : List.of(a + "-" + b + ".json", b + "-" + a + ".json")) {
            Path f = unpacked.resolve(name);
            if (Files.isRegularFile(f)) return out.relativize(f).toString().replace('\\', '/');
        }
        return null;
    }

    /**
     * Copies the Java files of a submission's folder, flattened, into {@code into} as UTF-8 of what {@code text}
     * reads; returns how many.
     */
    static int copyJavaFiles(Path submission, Path into, Function<byte[], String> text) throws IOException {
        Files.createDirectories(into);
        int n = 0;
        long total = 0;
        if (!Files.isDirectory(submission)) return 0;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(submission, 12, new FileVisitOption[0])) {
            files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted()
                    .toList();
        }
        for (Path p : files) {
            String name = fileName(p.getFileName().toString());
            long size = Files.size(p);
            if (name == null || Files.exists(into.resolve(name)) || size > MAX_FILE_BYTES) continue;
            if (total + size > MAX_TOTAL_BYTES) continue;
            Files.writeString(into.resolve(name), text.apply(Files.readAllBytes(p)), StandardCharsets.UTF_8);
            total += size;
            if (++n >= MAX_FILES) break;
        }
        return n;
    }

    /** The last part of a path if it names a Java file a folder can hold, else null. */
    private static String fileName(String path) {
        String name = path.substring(path.replace('\\', '/').lastIndexOf('/') + 1);
        return name.endsWith(".java") && name.matches("[A-Za-z0-9_$.-]{1,100}") && !name.startsWith(".") ? name : null;
    }

    private static void unzip(Path zip, Path into) throws IOException {
        Files.createDirectories(into);
        try (InputStream file = Files.newInputStream(zip);
                ZipInputStream zin = new ZipInputStream(file)) {
            ZipEntry e;
            while ((e = zin.getNextEntry()) != null) {
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into)) continue;
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zin, target);
                }
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
