package org.lstmlab.kernel;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The course library's Javadoc, found from the signatures JShell's documentation lookup gives
 * (which carry no Javadoc for the library: JShell reads sources only from the JDK's {@code src.zip}).
 * The index is written at build time by {@link JavadocIndexer} into the kernel's resources.
 *
 * <p>JShell writes a signature as {@code LstmStep LstmCell.forward(INDArray x, INDArray hPrev, INDArray
 * cPrev)}, {@code org.lstmlab.nn.LstmCell}, {@code LstmCell(LstmParams params)} or
 * {@code Progress.Mode.BAR}, with a type's package or without it; {@link #lookup} matches the
 * declaring type by its trailing name segments and the parameters by simple erased type names.
 */
final class JavadocIndex {

    /** The resource Maven writes next to this class. */
    static final String RESOURCE = "javadoc-index.json";

    private record Entry(String type, String doc) {}

    /** {@code forward(INDArray,INDArray,INDArray)}, {@code <init>(LstmParams)}, {@code BAR}, or "" for a type. */
    private final Map<String, List<Entry>> byMember = new HashMap<>();

    private final List<String> preferredPackages;

    /**
     * @param docs key to documentation, as {@link JavadocIndexer#index} makes it
     * @param preferredPackages packages whose types win when a simple name is ambiguous (the imported ones)
     */
    JavadocIndex(Map<String, String> docs, List<String> preferredPackages) {
        this.preferredPackages = List.copyOf(preferredPackages);
        docs.forEach((key, doc) -> {
            int hash = key.indexOf('#');
            String type = hash < 0 ? key : key.substring(0, hash);
            String member = hash < 0 ? "" : key.substring(hash + 1);
            byMember.computeIfAbsent(member, m -> new ArrayList<>()).add(new Entry(type, doc));
        });
    }

    /**
     * The index shipped with the kernel, or an empty one when the build wrote none.
     *
     * @param preferredPackages packages whose types win when a simple name is ambiguous
     */
    static JavadocIndex load(List<String> preferredPackages) {
        Map<String, String> docs = new HashMap<>();
        try (InputStream in = JavadocIndex.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    JsonObject json = JsonParser.parseReader(reader).getAsJsonObject();
                    if (json.get("format").getAsInt() == JavadocIndexer.FORMAT) {
                        json.getAsJsonObject("docs")
                                .entrySet()
                                .forEach(e -> docs.put(e.getKey(), e.getValue().getAsString()));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println(
                    "lstm-lab kernel: the Javadoc index did not load (" + e + "); Shift-Tab shows signatures");
        }
        return new JavadocIndex(docs, preferredPackages);
    }

    /** How many declarations have documentation. */
    int size() {
        return byMember.values().stream().mapToInt(List::size).sum();
    }

    /**
     * The documentation of the declaration JShell describes with this signature.
     *
     * @param signature a signature as {@code SourceCodeAnalysis.Documentation.signature()} gives it
     * @return the documentation, or null when the library documents no such declaration
     */
    String lookup(String signature) {
        String text = signature.strip();
        int[] group = lastParenthesisedGroup(text);
        String after = group == null ? "" : text.substring(group[1] + 1).strip();
        if (group != null && (after.isEmpty() || after.startsWith("throws "))) {
            // Java 25's JShell writes a record's components after its name: R(int a).m(...)
            List<String> head = words(withoutGroups(text.substring(0, group[0])));
            if (!head.isEmpty() && head.get(0).startsWith("<")) {
                head = head.subList(1, head.size()); // <T> of a generic method
            }
            if (head.isEmpty()) {
                return null;
            }
            String name = head.get(head.size() - 1);
            String parameters = parameters(text.substring(group[0] + 1, group[1]));
            if (head.size() == 1) { // no return type: a constructor
                return find(name, "<init>" + parameters);
            }
            int dot = name.lastIndexOf('.');
            return dot < 0 ? null : find(name.substring(0, dot), name.substring(dot + 1) + parameters);
        }
        List<String> words = words(withoutGroups(text));
        String name = words.isEmpty() ? "" : words.get(words.size() - 1);
        String type = find(name, "");
        if (type != null) {
            return type;
        }
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : find(name.substring(0, dot), name.substring(dot + 1));
    }

    /** The entry for a member of the type whose name is {@code type} or ends with {@code .type}. */
    private String find(String type, String member) {
        List<Entry> entries = byMember.get(member);
        if (entries == null) {
            return null;
        }
        List<Entry> matching = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.type.equals(type) || entry.type.endsWith("." + type)) {
                matching.add(entry);
            }
        }
        if (matching.size() > 1) {
            List<Entry> preferred = matching.stream()
                    .filter(e -> preferredPackages.stream().anyMatch(p -> e.type.startsWith(p + ".")))
                    .toList();
            if (!preferred.isEmpty()) {
                matching = preferred;
            }
        }
        if (matching.isEmpty()) {
            return null;
        }
        if (matching.size() == 1) {
            return matching.get(0).doc;
        }
        Set<String> docs = new LinkedHashSet<>();
        for (Entry entry : matching) {
            docs.add(entry.type + ":\n" + entry.doc);
        }
        return String.join("\n\n", docs);
    }

    /** {@code (INDArray,INDArray)} of JShell's {@code org.nd4j...INDArray x, INDArray y}. */
    static String parameters(String list) {
        List<String> types = new ArrayList<>();
        for (String parameter : splitTopLevel(list)) {
            List<String> words = words(parameter);
            words.removeIf(w -> w.startsWith("@") || w.equals("final"));
            if (words.isEmpty()) {
                continue;
            }
            types.add(words.size() > 1 ? String.join(" ", words.subList(0, words.size() - 1)) : words.get(0));
        }
        return JavadocIndexer.parameterList(types);
    }

    /** Splits at commas outside angle brackets. */
    private static List<String> splitTopLevel(String list) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int k = 0; k < list.length(); k++) {
            char ch = list.charAt(k);
            if (ch == '<') {
                depth++;
            } else if (ch == '>') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                parts.add(list.substring(start, k));
                start = k + 1;
            }
        }
        parts.add(list.substring(start));
        return parts;
    }

    /** Words separated by blanks outside angle brackets: {@code Map<String, INDArray> m} is two words. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int depth = 0;
        for (char ch : text.toCharArray()) {
            if (ch == '<') {
                depth++;
            } else if (ch == '>') {
                depth--;
            }
            if (Character.isWhitespace(ch) && depth == 0) {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(ch);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    /** The positions of the last {@code (} ... {@code )} at the outer level, or null. */
    private static int[] lastParenthesisedGroup(String text) {
        int[] last = null;
        int depth = 0;
        int open = -1;
        for (int k = 0; k < text.length(); k++) {
            if (text.charAt(k) == '(') {
                if (depth++ == 0) {
                    open = k;
                }
            } else if (text.charAt(k) == ')' && depth > 0 && --depth == 0) {
                last = new int[] {open, k};
            }
        }
        return last;
    }

    /** The text with every parenthesised group removed: {@code R(int a).m} → {@code R.m}. */
    private static String withoutGroups(String text) {
        String previous;
        String current = text;
        do {
            previous = current;
            current = current.replaceAll("\\([^()]*\\)", "");
        } while (!current.equals(previous));
        return current;
    }
}
