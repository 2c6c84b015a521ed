package org.lstmlab.grade.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lstmlab.grade.author.Say;

/**
 * The graded tests' names reach the report (Gradescope's per-test names, "passed: randomised case 1 …") in the
 * student's language: each has a key {@code test.<method>} (or {@code test.<id>.<method>}) whose English is its
 * display name, and a randomised case is named as {@link ResultCollector#caseName} reads it.
 */
class TestNamesTest {
    private static final Pattern METHOD = Pattern.compile("^\\s*(?:public )?void (\\w+)\\(");
    private static final Pattern DISPLAY_NAME = Pattern.compile("@DisplayName\\(\"(.*)\"\\)");
    private static final Pattern CASE_NAME = Pattern.compile("@ParameterizedTest\\(name = \"(.*)\"\\)");

    @AfterEach
    void english() {
        System.clearProperty(Say.LANG_PROPERTY);
    }

    @Test
    void everyGradedTestHasAKeyedNameWhoseEnglishIsItsDisplayName() throws Exception {
        List<String> wrong = new ArrayList<>();
        int tests = 0;
        for (String root : List.of("src/grading/java", "src/hidden/java")) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(Path.of(root))) {
                files = s.filter(p -> p.toString().endsWith("Test.java"))
                        .sorted()
                        .toList();
            }
            for (Path f : files) {
                String id = f.getFileName().toString().replaceAll("^(E\\d+).*", "$1");
                List<String> lines = Files.readAllLines(f);
                for (int k = 0; k < lines.size(); k++) {
                    Matcher m = METHOD.matcher(lines.get(k));
                    if (!m.find()) continue;
                    String displayName = null;
                    boolean graded = false;
                    for (int j = k - 1; j >= 0 && lines.get(j).strip().startsWith("@"); j--) {
                        String a = lines.get(j).strip();
                        graded |= a.startsWith("@Points") || a.startsWith("@Test") || a.startsWith("@Parameterized");
                        Matcher d = DISPLAY_NAME.matcher(a);
                        if (d.find()) displayName = d.group(1);
                        Matcher c = CASE_NAME.matcher(a);
                        if (c.find() && !c.group(1).matches("randomised case \\{index\\}( \\(\\{0\\}\\))?")) {
                            wrong.add(f.getFileName() + ": " + m.group(1) + " names its cases '" + c.group(1)
                                    + "', which the report does not word: use randomised case {index} ({0})");
                        }
                    }
                    if (!graded) continue;
                    tests++;
                    String method = m.group(1);
                    String english = displayName != null ? displayName : words(method);
                    String named = ResultCollector.testName(id, method, "?");
                    if (!named.equals(english)) {
                        wrong.add(f.getFileName() + ": " + method + " is '" + english + "' but the bundle says '"
                                + named + "': add "
                                + (root.startsWith("src/hidden")
                                        ? ResultCollector.hiddenKey(id, method)
                                                + " (a hidden test's key never names it)"
                                        : "test." + method + " (or test." + id + "." + method + ")"));
                    }
                }
            }
        }
        assertTrue(tests > 40, "found only " + tests + " graded tests");
        assertEquals(List.of(), wrong);
    }

    @Test
    void aClassGradedInVietnameseReadsItsTestNamesInVietnamese() {
        assertEquals("fixed case", ResultCollector.testName("E3", "fixedCase", "fixed case"));
        assertEquals("randomised case 2 (seed 9, B=2)", ResultCollector.caseName("randomised case 2 (seed 9, B=2)"));
        System.setProperty(Say.LANG_PROPERTY, "vi");
        assertEquals("trường hợp cố định", ResultCollector.testName("E3", "fixedCase", "fixed case"));
        assertEquals(
                "các trường hợp ngẫu nhiên, so với sai phân trung tâm",
                ResultCollector.testName("E8", "randomisedCases", "randomised cases against central differences"));
        assertEquals(
                "trường hợp ngẫu nhiên 2 (seed 9, B=2)", ResultCollector.caseName("randomised case 2 (seed 9, B=2)"));
        assertEquals("trường hợp ngẫu nhiên 3", ResultCollector.caseName("randomised case 3"));
        assertEquals("a new test", ResultCollector.testName("E3", "aNewTest", "a new test"));
    }

    /** {@code fixedCase} → {@code fixed case}, as {@code Sentences} names a method. */
    private static String words(String camel) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < camel.length(); k++) {
            char c = camel.charAt(k);
            if (Character.isUpperCase(c) && k > 0) s.append(' ');
            s.append(Character.toLowerCase(c));
        }
        return s.toString();
    }
}
