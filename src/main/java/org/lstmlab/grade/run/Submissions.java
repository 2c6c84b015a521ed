package org.lstmlab.grade.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.lstmlab.grade.sandbox.Untrusted;

/** The submissions behind the paths an instructor passes to {@code ./lab grade}. */
public final class Submissions {
    private Submissions() {}

    /**
     * One student's work.
     *
     * @param student the name in the gradebook: the folder's name, or the zip's without {@code .zip}
     * @param path a folder or zip shaped like {@code exercises/}
     */
    public record Submission(String student, Path path) {}

    /**
     * A zip, or a folder holding Java files (at any depth below {@code org/} or {@code exercises/}, or
     * at its top), is one submission; any other folder holds one submission — folder or zip — per student.
     *
     * @throws IllegalArgumentException for a path that does not exist or holds no submission
     */
    public static List<Submission> discover(List<Path> paths) throws IOException {
        List<Submission> subs = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new IllegalArgumentException(
                        p + " does not exist: pass a submission (folder or .zip) or a folder of them");
            }
            if (isSubmission(p)) {
                subs.add(new Submission(name(p), p));
                continue;
            }
            int before = subs.size();
            try (Stream<Path> children = Files.list(p)) {
                for (Path c : children.sorted().toList()) {
                    if (Files.isDirectory(c) && !c.getFileName().toString().startsWith(".") || isZip(c)) {
                        subs.add(new Submission(name(c), c));
                    }
                }
            }
            if (subs.size() == before) {
                throw new IllegalArgumentException(
                        p + " holds no submissions: expected exercise files, or one folder or .zip per student");
            }
        }
        return distinct(subs);
    }

    /**
     * The submissions with a gradebook key each: where two names clean up the same way ({@code a} and {@code a.zip}),
     * a zip keeps its {@code .zip}, and a name still taken gets {@code (2)}, {@code (3)}, … in the order given.
     */
    private static List<Submission> distinct(List<Submission> subs) {
        java.util.Map<String, Long> count = new java.util.HashMap<>();
        subs.forEach(s -> count.merge(s.student(), 1L, Long::sum));
        java.util.Set<String> taken = new java.util.HashSet<>();
        List<Submission> keyed = new ArrayList<>();
        for (Submission s : subs) {
            String name = count.get(s.student()) > 1 && isZip(s.path())
                    ? Untrusted.name(
                            s.path().toAbsolutePath().normalize().getFileName().toString())
                    : s.student();
            String key = name;
            for (int k = 2; !taken.add(key); k++) {
                key = name + " (" + k + ")";
            }
            keyed.add(new Submission(key, s.path()));
        }
        return keyed;
    }

    private static boolean isZip(Path p) {
        return Files.isRegularFile(p)
                && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    private static boolean isSubmission(Path p) throws IOException {
        if (isZip(p)) {
            return true;
        }
        if (!Files.isDirectory(p)) {
            return false;
        }
        if (Files.isDirectory(p.resolve("org")) || Files.isDirectory(p.resolve("exercises"))) {
            return true;
        }
        try (Stream<Path> files = Files.list(p)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".java"));
        }
    }

    private static String name(Path p) {
        String n = Untrusted.name(p.toAbsolutePath().normalize().getFileName().toString());
        return n.toLowerCase(Locale.ROOT).endsWith(".zip") ? n.substring(0, n.length() - 4) : n;
    }
}
