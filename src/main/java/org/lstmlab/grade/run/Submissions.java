package org.lstmlab.grade.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.lstmlab.grade.sandbox.Untrusted;

/**
 * The submissions behind the paths an instructor passes to {@code ./lab grade}, and each one's files as the grader
 * reads them. What the instructor names is followed (a link to a folder is that folder); what is inside a class's
 * folder or a submission is not: a link there is never read, and what a student sent is unpacked within limits.
 */
public final class Submissions {
    /** All of a submission's zips together, nested ones included, unpack to at most this much. */
    static final long MAX_UNPACKED_BYTES = 20L << 20;
    /** All of a submission's zips together hold at most this many entries. */
    static final int MAX_ENTRIES = 500;
    /** A zip in a zip in a zip is unpacked (a folder counts as no zip); one level more is not. */
    static final int MAX_ZIP_DEPTH = 3;

    private Submissions() {}

    /**
     * One student's work.
     *
     * @param student the name in the gradebook: the folder's name, or the zip's without {@code .zip}
     * @param path a folder or zip shaped like {@code exercises/}
     * @param refused null for work to grade; otherwise why it is not graded (a link, a .tar.gz, …): the student
     *     is still in the gradebook, with 0 and this reason
     */
    public record Submission(String student, Path path, String refused) {
        public Submission(String student, Path path) {
            this(student, path, null);
        }
    }

    /**
     * A zip, or a folder holding Java files (at any depth below {@code org/} or {@code exercises/}, or
     * at its top), is one submission; any other folder holds one submission — folder or zip — per student.
     * In such a folder, an archive of another kind (.tar.gz, .7z, .rar, …) and a link are a student's
     * submission too, refused with the reason, so no student drops out of the gradebook unseen.
     *
     * @throws IllegalArgumentException for a path that does not exist or holds no submission
     */
    public static List<Submission> discover(List<Path> paths) throws IOException {
        List<Submission> subs = new ArrayList<>();
        for (Path named : paths) {
            if (!Files.exists(named)) {
                throw new IllegalArgumentException(
                        named + " does not exist: pass a submission (folder or .zip) or a folder of them");
            }
            Path p = named.toRealPath(); // the instructor named it: a link is followed
            if (isSubmission(p)) {
                subs.add(new Submission(name(named), p));
                continue;
            }
            if (!Files.isDirectory(p)) {
                throw new IllegalArgumentException(
                        named + " is not a submission: " + notAZip(p) + "; pass a folder, a .zip, or a folder of them");
            }
            int before = subs.size();
            try (Stream<Path> children = Files.list(p)) {
                for (Path c : children.sorted().toList()) {
                    String file = c.getFileName().toString();
                    if (file.startsWith(".") && !isZip(c)) {
                        continue; // .DS_Store, .git: no student's work
                    }
                    if (Files.isSymbolicLink(c)) { // even one that leads nowhere here (outside a container's mounts)
                        subs.add(new Submission(
                                name(c),
                                c,
                                Untrusted.name(file)
                                        + " is a link, which the grader does not follow inside a class's folder:"
                                        + " put the student's folder or zip itself there"));
                    } else if (Files.isDirectory(c) || isZip(c)) {
                        subs.add(new Submission(name(c), c));
                    } else if (isOtherArchive(c)) {
                        subs.add(new Submission(
                                name(c),
                                c,
                                Untrusted.name(file) + " is " + notAZip(c) + ": send a .zip or the folder"));
                    }
                }
            }
            if (subs.size() == before) {
                throw new IllegalArgumentException(
                        named + " holds no submissions: expected exercise files, or one folder or .zip per student");
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
        Set<String> taken = new HashSet<>();
        List<Submission> keyed = new ArrayList<>();
        for (Submission s : subs) {
            String name = count.get(s.student()) > 1 && isZip(s.path())
                    ? Untrusted.name(s.path().getFileName().toString())
                    : s.student();
            String key = name;
            for (int k = 2; !taken.add(key); k++) {
                key = name + " (" + k + ")";
            }
            keyed.add(new Submission(key, s.path(), s.refused()));
        }
        return keyed;
    }

    /**
     * A submission's files as the grader reads them.
     *
     * @param root the folder holding its files
     * @param problem null when {@code root} holds what the student sent; otherwise why it could not be unpacked, for
     *     the student and the instructor
     */
    public record Unpacked(Path root, String problem) {}

    /**
     * The folder holding a submission's files: the folder itself (a link named by the caller followed), or its zip
     * unpacked into {@code dir}; where that holds no Java file but zips (the student's zip in a folder, a zip of a
     * zip), those unpacked, up to a zip in a zip in a zip. All of its zips together unpack to at most 20 MB in 500 entries.
     *
     * @throws IllegalArgumentException when the submission is neither a folder nor a zip
     */
    public static Unpacked unpack(Path submission, Path dir) throws IOException {
        Path root = Files.isSymbolicLink(submission) ? submission.toRealPath() : submission;
        if (!isZip(root) && !Files.isDirectory(root)) {
            throw new IllegalArgumentException("a submission must be a folder or a .zip shaped like exercises/, but "
                    + submission + (Files.exists(root) ? " is neither" : " does not exist"));
        }
        Budget budget = new Budget();
        Path current = root;
        int depth = 0;
        try {
            if (isZip(root)) {
                current = unzip(root, root.getFileName().toString(), dir.resolve("unzipped"), budget);
                depth = 1;
            }
            for (; depth < MAX_ZIP_DEPTH; depth++) {
                List<Path> zips = zipsInstead(current);
                if (zips.isEmpty()) {
                    return new Unpacked(current, null);
                }
                Path inner = dir.resolve("nested" + (depth + 1));
                int k = 0;
                for (Path z : zips) {
                    unzip(z, current.relativize(z).toString(), inner.resolve("z" + ++k), budget);
                }
                current = inner;
            }
            return new Unpacked(current, null);
        } catch (Refused e) {
            return new Unpacked(current, e.getMessage());
        }
    }

    /** Why a zip is not unpacked, worded for the student; its message is already safe to print. */
    private static final class Refused extends IOException {
        Refused(String zip, String why) {
            super(Untrusted.name(zip) + " could not be unpacked: " + why);
        }
    }

    /** What all of one submission's zips have unpacked so far. */
    private static final class Budget {
        long bytes;
        int entries;
    }

    /** The zips to unpack where {@code root} holds no Java file (not under {@code __MACOSX}); links are never read. */
    private static List<Path> zipsInstead(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root, 3)) {
            List<Path> files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !root.relativize(p).toString().startsWith("__MACOSX"))
                    .toList();
            if (files.stream().anyMatch(p -> p.getFileName().toString().endsWith(".java"))) {
                return List.of();
            }
            return files.stream()
                    .filter(Submissions::isZip)
                    .filter(p -> !p.getFileName().toString().startsWith("._"))
                    .sorted()
                    .toList();
        }
    }

    /** Unpacks {@code zip} (named {@code shown} to the student) into {@code into}, or says why it cannot. */
    private static Path unzip(Path zip, String shown, Path into, Budget budget) throws IOException {
        byte[] head = head(zip, 4);
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 5 && head[3] == 6) {
            throw new Refused(shown, "it is an empty zip");
        }
        if (head.length < 4 || head[0] != 'P' || head[1] != 'K' || head[2] != 3 || head[3] != 4) {
            String what = notAZip(zip);
            throw new Refused(shown, "it is " + what + (what.startsWith("not ") ? "" : ", not a zip"));
        }
        long bytes = budget.bytes;
        int entries = budget.entries;
        try {
            return unzip(zip, shown, into, budget, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notUtf8) { // names from a zip tool that writes the PC's code page
            Grader.delete(into);
            budget.bytes = bytes;
            budget.entries = entries;
            return unzip(zip, shown, into, budget, Charset.forName("IBM437"));
        }
    }

    private static Path unzip(Path zip, String shown, Path into, Budget budget, Charset names) throws IOException {
        Files.createDirectories(into);
        Set<String> seen = new HashSet<>();
        try (InputStream file = Files.newInputStream(zip);
                ZipInputStream in = new ZipInputStream(file, names)) {
            ZipEntry entry;
            byte[] buf = new byte[8192];
            while ((entry = in.getNextEntry()) != null) {
                if (++budget.entries > MAX_ENTRIES) {
                    throw new Refused(shown, "the submission's zips hold more than " + MAX_ENTRIES + " files");
                }
                // PowerShell 5's Compress-Archive separates folders with backslashes
                String name = entry.getName().replace('\\', '/');
                Path target;
                try {
                    target = into.resolve(name).normalize();
                } catch (InvalidPathException e) {
                    throw new Refused(shown, "entry " + Untrusted.name(name) + " has a name no file can have");
                }
                if (!target.startsWith(into) || name.startsWith("/")) {
                    throw new Refused(shown, "entry " + Untrusted.name(name) + " points outside the zip");
                }
                boolean folder = entry.isDirectory() || name.endsWith("/");
                if (name.startsWith("__MACOSX/") || name.contains("/__MACOSX/") || name.endsWith(".DS_Store")) {
                    // what macOS's Finder adds: resource forks and folder settings, no code; read through the budget,
                    // as the data of a folder's entry is, so a bomb there costs no more than one written out
                    copy(in, OutputStream.nullOutputStream(), buf, budget, shown);
                    continue;
                }
                if (!folder && !seen.add(into.relativize(target).toString())) {
                    throw new Refused(shown, "it holds " + Untrusted.name(name) + " twice");
                }
                try {
                    if (folder) {
                        Files.createDirectories(target);
                        copy(in, OutputStream.nullOutputStream(), buf, budget, shown);
                        continue;
                    }
                    Files.createDirectories(target.getParent());
                    try (var out = Files.newOutputStream(target)) {
                        copy(in, out, buf, budget, shown);
                    }
                } catch (FileSystemException e) {
                    throw new Refused(
                            shown,
                            "entry " + Untrusted.name(name) + " cannot be a file here ("
                                    + Untrusted.name(String.valueOf(e.getReason())) + ")");
                }
            }
        } catch (ZipException e) {
            String why = String.valueOf(e.getMessage());
            throw new Refused(
                    shown,
                    why.contains("encrypted")
                            ? "it is password-protected: zip it again without a password"
                            : "it is damaged (" + Untrusted.name(why) + ")");
        } catch (java.io.EOFException e) {
            throw new Refused(shown, "it is cut short (the file ends inside an entry): send it again");
        }
        return into;
    }

    /** Copies an entry's data, counting it against the submission's budget of unpacked bytes. */
    private static void copy(InputStream in, OutputStream out, byte[] buf, Budget budget, String shown)
            throws IOException {
        int n;
        while ((n = in.read(buf)) > 0) {
            budget.bytes += n;
            if (budget.bytes > MAX_UNPACKED_BYTES) {
                throw new Refused(shown, "the submission's zips unpack to more than 20 MB");
            }
            out.write(buf, 0, n);
        }
    }

    /** What a file that is not a zip is, from its first bytes, e.g. "a gzip archive (.tar.gz, .tgz)". */
    static String notAZip(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return "not a file";
        }
        byte[] h = head(file, 262);
        if (h.length == 0) {
            return "an empty file";
        }
        String ascii = new String(h, StandardCharsets.ISO_8859_1);
        if (h.length >= 2 && (h[0] & 0xff) == 0x1f && (h[1] & 0xff) == 0x8b) {
            return "a gzip archive (.tar.gz, .tgz)";
        }
        if (ascii.startsWith("7z\u00bc\u00af")) {
            return "a 7-Zip archive";
        }
        if (ascii.startsWith("Rar!")) {
            return "a RAR archive";
        }
        if (ascii.startsWith("BZh")) {
            return "a bzip2 archive";
        }
        if (ascii.startsWith("\u00fd7zXZ")) {
            return "an xz archive";
        }
        if (h.length >= 262 && ascii.startsWith("ustar", 257)) {
            return "a tar archive";
        }
        if (ascii.startsWith("%PDF")) {
            return "a PDF";
        }
        return "not a zip";
    }

    private static byte[] head(Path file, int n) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        }
    }

    private static final List<String> OTHER_ARCHIVES =
            List.of(".tar", ".tar.gz", ".tgz", ".gz", ".7z", ".rar", ".bz2", ".tbz2", ".xz", ".txz", ".zipx");

    private static boolean isOtherArchive(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && OTHER_ARCHIVES.stream().anyMatch(n::endsWith);
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
        Path file = p.toAbsolutePath().normalize().getFileName();
        // composed (NFC): a Mac names "Nguyễn" in decomposed letters, a roster typed elsewhere in composed ones
        String n = Untrusted.name(java.text.Normalizer.normalize(
                file == null ? p.toAbsolutePath().toString() : file.toString(), java.text.Normalizer.Form.NFC));
        return n.toLowerCase(Locale.ROOT).endsWith(".zip") ? n.substring(0, n.length() - 4) : n;
    }
}
