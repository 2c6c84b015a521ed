package org.lstmlab.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The character model's text (notebook 10): {@code datasets/lstm-lab-java.txt}, a snapshot of the course
 * library's own Java sources, split into training text and held-out text at a file boundary, and the
 * vocabulary of every character in it.
 *
 * <pre>{@code
 * CharCorpus corpus = CharCorpus.load();
 * int[] train = corpus.trainIds();            // the first ~90 % of the files, one id per character
 * int[] heldOut = corpus.heldOutIds();        // the rest, never trained on
 * int v = corpus.vocabulary().size();         // V, the size of a one-hot x_t
 * }</pre>
 */
public final class CharCorpus {
    /** The file name inside {@code datasets/}. */
    public static final String FILE = "lstm-lab-java.txt";
    /** The line that opens every file of the snapshot. */
    public static final String FILE_HEADER = "// ---- ";
    /** The share of the text, from its start, after which the held-out files begin. */
    public static final double TRAIN_SHARE = 0.9;

    private final String text;
    private final int split;
    private final Vocabulary vocabulary;

    private CharCorpus(String text, int split, Vocabulary vocabulary) {
        this.text = text;
        this.split = split;
        this.vocabulary = vocabulary;
    }

    /** Loads {@code lstm-lab-java.txt} from {@link Datasets#directory()}. */
    public static CharCorpus load() {
        return load(Datasets.file(FILE));
    }

    /** Loads a UTF-8 text file and splits it as {@link #of(String)} does. */
    public static CharCorpus load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("the corpus " + file + " does not exist: it comes with the course in "
                    + "datasets/ (see datasets/README.md to rebuild it)");
        }
        try {
            return of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the corpus " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A corpus of {@code text}: the held-out part starts at the first {@link #FILE_HEADER} line at or after
     * {@link #TRAIN_SHARE} of the text, or, when no such line follows, at exactly that share.
     *
     * @param text at least 2 characters, no characters outside the Basic Multilingual Plane
     */
    public static CharCorpus of(String text) {
        if (text == null || text.length() < 2) {
            throw new IllegalArgumentException(
                    "a corpus needs at least 2 characters but has " + (text == null ? "none (null)" : text.length()));
        }
        int at = (int) (text.length() * TRAIN_SHARE);
        int header = text.indexOf("\n" + FILE_HEADER, Math.max(0, at - 1));
        int split = header >= 0 ? header + 1 : at;
        return new CharCorpus(text, Math.max(1, Math.min(split, text.length() - 1)), Vocabulary.of(text));
    }

    /** The whole text. */
    public String text() {
        return text;
    }

    /** The training text: everything before the held-out files. */
    public String train() {
        return text.substring(0, split);
    }

    /** The held-out text, never trained on. */
    public String heldOut() {
        return text.substring(split);
    }

    /** Every character of the corpus, with its id. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The training text as ids, {@code [N]}. */
    public int[] trainIds() {
        return vocabulary.encode(train());
    }

    /** The held-out text as ids. */
    public int[] heldOutIds() {
        return vocabulary.encode(heldOut());
    }

    /**
     * The first {@code characters} of the training text and of the held-out text as a corpus of their own
     * with this corpus's vocabulary (quick runs train on a slice).
     */
    public CharCorpus slice(int characters) {
        if (characters < 1)
            throw new IllegalArgumentException("a slice needs at least 1 character but got " + characters);
        String a = train().substring(0, Math.min(characters, split));
        String b = heldOut().substring(0, Math.min(characters, text.length() - split));
        return new CharCorpus(a + b, a.length(), vocabulary);
    }

    @Override
    public String toString() {
        return "CharCorpus: " + text.length() + " characters (" + split + " training, " + (text.length() - split)
                + " held out), V = " + vocabulary.size();
    }
}
