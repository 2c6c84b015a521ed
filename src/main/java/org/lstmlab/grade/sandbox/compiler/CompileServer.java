package org.lstmlab.grade.sandbox.compiler;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * The sandboxed compiler the grader keeps for a batch: one JVM in the OS sandbox that compiles submission after
 * submission with the JDK's compiler, so a submission pays neither for starting {@code javac} nor for reading ND4J's
 * jars. With {@code -proc:none} the compiler runs no code of a submission; it only reads sources and writes classes.
 *
 * <p>Started as {@code CompileServer <class path> <option>...}. Each request on standard input is the output folder,
 * the source path (empty for none) and the sources; each answer on standard output is an exit code (0 compiled, 1
 * errors, 4 the compiler failed, after which this JVM ends) and the compiler's printed text, as {@code javac} prints
 * it. Nothing else is written to standard output.
 */
public final class CompileServer {
    /** The exit code of an answer whose compilation broke the compiler: the grader starts a fresh one. */
    public static final int BROKEN = 4;

    /** The most of the compiler's text an answer carries. */
    static final int MAX_TEXT = 16_000;

    private CompileServer() {}

    public static void main(String[] args) throws IOException {
        var answers = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        var requests = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true)); // never into the answers
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
        List<Path> classpath = new ArrayList<>();
        for (String e : args[0].split(java.io.File.pathSeparator)) {
            classpath.add(Path.of(e));
        }
        files.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath); // ND4J's jars opened once
        List<String> options = Arrays.asList(args).subList(1, args.length);
        while (true) {
            Path out;
            String sourcePath;
            List<Path> sources = new ArrayList<>();
            try {
                out = Path.of(requests.readUTF());
                sourcePath = requests.readUTF();
                int n = requests.readInt();
                for (int k = 0; k < n; k++) {
                    sources.add(Path.of(requests.readUTF()));
                }
            } catch (EOFException done) {
                return; // the grader closed the pipe
            }
            StringWriter text = new StringWriter();
            int exit;
            try {
                files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(out));
                files.setLocationFromPaths(
                        StandardLocation.SOURCE_PATH, sourcePath.isEmpty() ? List.of() : List.of(Path.of(sourcePath)));
                List<String> these = new ArrayList<>(options);
                these.add(sourcePath.isEmpty() ? "-implicit:none" : "-implicit:class");
                boolean ok = javac.getTask(text, files, null, these, null, files.getJavaFileObjectsFromPaths(sources))
                        .call();
                exit = ok ? 0 : 1;
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                text.append("\nerror: the compiler failed: ").append(e.toString()); // the grader's diagnostics read it
                exit = BROKEN;
            }
            String said = text.toString();
            answers.writeInt(exit);
            answers.writeUTF(said.length() > MAX_TEXT ? said.substring(0, MAX_TEXT) : said);
            answers.flush();
            if (exit == BROKEN) {
                return; // what broke it may have left it broken
            }
        }
    }
}
