package org.lstmlab.grade.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The English words of a text that should be Vietnamese: words of English sentences, outside code, symbols and the
 * terms the glossary keeps in English ({@code seed}, {@code batch}, {@code bias}, {@code gradient}, {@code notebook}
 * …). {@code MessagesTest} holds the Vietnamese messages to it and {@code StudentPathIT} the tables a Vietnamese
 * notebook shows.
 */
public final class EnglishWords {
    private EnglishWords() {}

    /** Words of English sentences; none of them is a symbol or a name the Vietnamese keeps. */
    public static final Set<String> WORDS = Set.of(
            "the",
            "is",
            "are",
            "of",
            "your",
            "you",
            "with",
            "without",
            "and",
            "not",
            "to",
            "in",
            "at",
            "on",
            "by",
            "equals",
            "misses",
            "check",
            "expected",
            "got",
            "yours",
            "close",
            "must",
            "has",
            "have",
            "but",
            "did",
            "use",
            "instead",
            "values",
            "value",
            "right",
            "wrong",
            "returned",
            "each",
            "every",
            "only",
            "from",
            "when",
            "lies",
            "between",
            "first",
            "last",
            "step",
            "steps",
            "result",
            "output",
            "input",
            "passed",
            "pass",
            "tests",
            "run",
            "failed",
            "implemented",
            "yet",
            "exercise",
            "case",
            "fixed",
            "randomised",
            "a",
            "an",
            "or",
            "it",
            "its",
            "than",
            "all",
            "no",
            "that",
            "this",
            "which",
            "where",
            "while",
            "clip",
            "clipped",
            "norm",
            "norms",
            "points",
            "gradient's",
            "gate",
            "gates",
            "candidate",
            "hidden",
            "state",
            "forget",
            "published",
            "replace",
            "graded",
            "submit",
            "visible",
            "runs",
            "difference",
            "feedback",
            "total",
            "test");

    /** Code, symbols and names a Vietnamese text may keep: a notebook's name such as 02-forget-gate is one. */
    private static final Pattern KEPT = Pattern.compile(
            "`[^`]*`|\\b\\d\\d-[a-z]+(?:-[a-z]+)*|\\w+\\[|\\b(?:\\w+[._]\\w*|[A-Z]\\w*|cell state|seed|batch|bias|gradient|notebook|kernel|tanh|max|mean|heap|map|new|"
                    + "hard-code|TODO|σ|diag|sum)\\b");

    /** The English words of {@code text}, in the order they first come. */
    public static List<String> in(String text) {
        String rest = KEPT.matcher(text).replaceAll(" ");
        List<String> found = new ArrayList<>();
        for (String w : rest.split("[^\\p{L}'’]+")) {
            if (WORDS.contains(w.toLowerCase(Locale.ROOT)) && !found.contains(w)) found.add(w);
        }
        return found;
    }
}
