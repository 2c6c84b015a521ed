package org.lstmlab.grade.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lstmlab.grade.sandbox.child.ChildMain;

/** The child names a broken rule by its key; the grader words it in the student's language. */
class BrokenRuleWordsTest {
    @AfterEach
    void english() {
        System.clearProperty(Bundle.LANG_PROPERTY);
    }

    @Test
    void aBrokenRuleIsWordedInTheStudentsLanguage() {
        String threads = "sandbox.rule.threads" + org.lstmlab.grade.sandbox.child.ChildMain.RULE_SEPARATOR + "64";
        assertEquals(
                "started more than 64 threads (a thread bomb?): graded code must not start threads",
                ChildProcess.rule(threads));
        System.setProperty(Bundle.LANG_PROPERTY, "vi");
        assertEquals(
                "tạo hơn 64 luồng (một quả bom luồng?): mã được chấm không được tạo luồng", ChildProcess.rule(threads));
        assertEquals(
                "mở một socket mạng: mã được chấm không được dùng mạng", ChildProcess.rule("sandbox.rule.network"));
        assertEquals("bài nộp không có E3ForgetGate.java", Bundle.say("sandbox.notInSubmission", "E3ForgetGate.java"));
    }

    @Test
    void aMessageThatIsNoRuleKeyIsShownAsItCame() {
        assertEquals("hint.missesBias", ChildProcess.rule("hint.missesBias"));
        assertEquals("sandbox.rule.nothing", ChildProcess.rule("sandbox.rule.nothing"));
        assertEquals("opened a socket", ChildProcess.rule("opened a socket"));
    }

    /** The child's own message inside an exception, as it sends it: the key and values between separators. */
    static String said(String key, Object... values) {
        StringBuilder s = new StringBuilder(ChildMain.SAID).append(key);
        for (Object v : values) s.append(ChildMain.RULE_SEPARATOR).append(v);
        return s.append(ChildMain.SAID).toString();
    }

    @Test
    void theChildsOwnMessagesInsideAnExceptionAreWordedInTheStudentsLanguage() {
        String npe = "java.lang.NullPointerException: " + said("sandbox.child.returnedNullFor", "h");
        String noMethod =
                "java.lang.NoSuchMethodException: " + said("sandbox.child.noMethod", "E3ForgetGate", "forgetGate", 4);
        String network = "java.lang.UnsupportedOperationException: " + said("sandbox.child.networkBlocked")
                + " (at E3ForgetGate.java:12)";
        assertEquals(
                "java.lang.NullPointerException: returned null for h: return the computed value",
                ChildProcess.threw(npe));
        assertEquals(
                "java.lang.NoSuchMethodException: E3ForgetGate has no public static method forgetGate taking 4 arguments:"
                        + " keep the signature of the exercise file",
                ChildProcess.threw(noMethod));
        System.setProperty(Bundle.LANG_PROPERTY, "vi");
        assertEquals(
                "java.lang.NullPointerException: trả về null cho h: hãy trả về giá trị đã tính",
                ChildProcess.threw(npe));
        assertEquals(
                "java.lang.NoSuchMethodException: E3ForgetGate không có phương thức public static forgetGate nhận 4 tham"
                        + " số: hãy giữ nguyên khai báo phương thức như trong tệp bài tập",
                ChildProcess.threw(noMethod));
        assertEquals(
                "java.lang.UnsupportedOperationException: khi chấm bài, mọi truy cập mạng đều bị chặn (at"
                        + " E3ForgetGate.java:12)",
                ChildProcess.threw(network));
    }

    @Test
    void aStudentsOwnMessageStaysAsItCameEvenWithSeparatorsInIt() {
        System.setProperty(Bundle.LANG_PROPERTY, "vi");
        assertEquals("java.lang.IllegalStateException: no", ChildProcess.threw("java.lang.IllegalStateException: no"));
        // a key outside the child's own messages, or a lone separator, is not worded
        assertEquals("x: hint.missesBias", ChildProcess.threw("x: " + said("hint.missesBias")));
        assertEquals("x: \\u001e", ChildProcess.threw("x: " + ChildMain.SAID));
    }

    /** Every key the child sends (a broken rule, a message of its own) is in the bundle. */
    @Test
    void everyKeyTheChildSendsIsInTheBundle() throws Exception {
        String source = Files.readString(Path.of("src/main/java/org/lstmlab/grade/sandbox/child/ChildMain.java"));
        Matcher m = Pattern.compile("(?:said|rule)\\(\\s*\"([^\"]+)\"").matcher(source);
        List<String> keys = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        while (m.find()) {
            keys.add(m.group(1));
            if (!Bundle.has(m.group(1))) missing.add(m.group(1));
        }
        assertEquals(List.of(), missing);
        assertEquals(true, keys.size() >= 15, keys.toString());
    }
}
