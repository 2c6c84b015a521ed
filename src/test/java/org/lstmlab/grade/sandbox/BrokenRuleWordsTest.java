package org.lstmlab.grade.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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
}
