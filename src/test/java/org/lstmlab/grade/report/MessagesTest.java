package org.lstmlab.grade.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.lstmlab.grade.author.Expect;
import org.lstmlab.grade.run.GradedExercise;
import org.lstmlab.grade.run.GradingFixtures;
import org.lstmlab.grade.run.SubmissionRun;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** A student who chose Vietnamese sees the check table's headers, titles and common hints in Vietnamese. */
class MessagesTest {
    private static final Messages VI = new Messages(Messages.VIETNAMESE);
    private static final Messages EN = new Messages(Locale.ENGLISH);

    @Test
    void theLanguageComesFromThePropertyThenTheEnvironmentThenTheVietnameseNotebooksFolder() {
        Path course = Path.of("/course");
        assertEquals(Messages.VIETNAMESE, Messages.locale("vi", null, course));
        assertEquals(Messages.VIETNAMESE, Messages.locale(null, "vi_VN", course));
        assertEquals(Locale.ENGLISH, Messages.locale("en", "vi", course), "the property wins");
        assertEquals(Locale.ENGLISH, Messages.locale(null, null, course.resolve("notebooks")));
        assertEquals(Messages.VIETNAMESE, Messages.locale(null, null, course.resolve("notebooks/vi")));
        assertEquals(Locale.ENGLISH, Messages.locale(null, "en", course.resolve("notebooks/vi")));
        assertEquals(Locale.ENGLISH, Messages.locale(null, "fr", course), "other languages get English");
    }

    @Test
    void theVietnameseTableHasVietnameseHeadersTitlesAndHints() {
        Report r = report("f_t equals tanh(W_f·[h_{t-1}, x_t] + b_f): did you use tanh instead of σ?"
                + " A gate's values lie in (0, 1) (fixed case (seed 7, B=2, X=3, H=4))");
        String table = r.table(VI);
        assertTrue(table.startsWith("bài tập"), table);
        assertTrue(table.contains("E3 cổng quên"), table);
        assertTrue(
                table.contains("f_t bằng tanh(W_f·[h_{t-1}, x_t] + b_f): bạn có dùng tanh thay cho σ không?"
                        + " Giá trị của một cổng nằm trong (0, 1) (trường hợp cố định (seed 7, B=2, X=3, H=4))"),
                table);
        assertTrue(table.contains("tổng") && table.contains("các trường hợp ngẫu nhiên dùng seed 812"), table);
        String html = r.html(VI);
        assertTrue(
                html.contains(
                        "<th style=\"text-align:left\">bài tập</th><th>điểm</th><th style=\"text-align:left\">nhận xét</th>"),
                html);
        assertTrue(html.contains("bạn có dùng tanh thay cho σ không?"), html);
    }

    @Test
    void theEnglishTableIsTheGradersOwnWords() {
        String feedback = "f_t misses the bias b_f (fixed case (seed 7, B=2, X=3, H=4))";
        Report r = report(feedback);
        assertTrue(r.table(EN).startsWith("exercise"), r.table(EN));
        assertTrue(r.table(EN).contains("E3 forget gate") && r.table(EN).contains(feedback), r.table(EN));
        assertTrue(
                r.html(EN)
                        .contains(
                                "<th style=\"text-align:left\">exercise</th><th>points</th><th style=\"text-align:left\">feedback</th>"),
                r.html(EN));
        assertTrue(r.table(EN).contains("randomised cases used seed 812"), r.table(EN));
    }

    @Test
    void theNotImplementedHintOfTheStarterCodeIsTranslated() throws Exception {
        GradedExercise e3 = GradingFixtures.COURSE.byId("E3");
        Method m = e3.handle().getMethods()[0];
        String hint = SubmissionRun.threw(e3, m, "UnsupportedOperationException: " + e3.todoMessage(m.getName()))
                .getMessage();
        String vi = VI.feedback(hint);
        assertTrue(
                vi.startsWith("chưa được cài đặt: hãy thay TODO trong E3ForgetGate.forgetGate bằng phép tính f_t"), vi);
        assertTrue(vi.endsWith("(notebook 02-forget-gate)"), vi);
    }

    @Test
    void theGradersValueAndShapeMessagesAreTranslated() {
        var expected = Nd4j.zeros(DataType.DOUBLE, 2, 3);
        assertEquals(
                "f_t sai ở vị trí [0, 0]: cần 0.00000, nhận được 1.00000",
                VI.feedback(Expect.difference("f_t", expected, Nd4j.ones(DataType.DOUBLE, 2, 3))));
        assertEquals(
                "f_t phải có hình dạng [2, 3] nhưng lại có hình dạng [3, 2]: mỗi hàng là một ví dụ, nên hãy tính"
                        + " [h_{t-1}, x_t] · Wᵀ (kết quả bị chuyển vị?)",
                VI.feedback(Expect.difference("f_t", expected, Nd4j.zeros(DataType.DOUBLE, 3, 2))));
        AssertionError outside = assertThrows(
                AssertionError.class,
                () -> Expect.between(
                        "f_t", Nd4j.ones(DataType.DOUBLE, 1, 1), 0, 1, "did you use tanh instead of σ?", "seed 9"));
        assertEquals(
                "f_t có giá trị nằm ngoài (0, 1), ví dụ 1.00000 ở vị trí [0, 0]: bạn có dùng tanh thay cho σ không?"
                        + " (seed 9)",
                VI.feedback(outside.getMessage()));
    }

    @Test
    void theBackwardChainAndCellPathHintsAreTranslated() {
        String chain = VI.feedback("the first wrong quantity along the backward chain is ∂L/∂C_t: ∂L/∂C_{t-1} and the"
                + " gradients of f_t, i_t and C̃_t are all wrong while those of o_t are right: check ∂L/∂C_t = 1"
                + " (wrong: ∂L/∂W_f) (seed 9)");
        assertTrue(
                chain.startsWith("đại lượng sai đầu tiên dọc lượt lan truyền ngược là ∂L/∂C_t: ∂L/∂C_{t-1} và"), chain);
        assertTrue(chain.contains("(sai: ∂L/∂W_f)"), chain);
        String path = VI.feedback("your norms are the mean over the units of their products: ‖F_{T,t}‖₂ of a diagonal"
                + " matrix is its largest |entry|, set by the unit that forgets least (seed 9)");
        assertTrue(path.startsWith("các chuẩn của bạn là trung bình") && path.endsWith("(seed 9)"), path);
        String relative = VI.feedback("∂L/∂W_f is wrong at entry 3 relative to its size 0.25: expected 1e-09, got 0"
                + " — with saturated gates σ′ and tanh′ are tiny, so check every slope: σ′ = g(1 − g)");
        assertTrue(relative.startsWith("∂L/∂W_f sai ở phần tử 3 so với độ lớn 0.25 của nó: cần 1e-09"), relative);
    }

    @Test
    void theGruStepHintsAreTranslated() {
        String reset = VI.feedback("your h_t uses W_hn·(r_t * h_{t-1}) + b_hn: the reset gate was applied to h_{t-1}"
                + " before the product with W_hn (Cho et al.'s first form). This course follows PyTorch: r_t multiplies"
                + " the product and its bias, r_t * (W_hn·h_{t-1} + b_hn) (seed 9)");
        assertTrue(
                reset.startsWith("h_t của bạn dùng W_hn·(r_t * h_{t-1}) + b_hn: cổng đặt lại")
                        && reset.endsWith("(seed 9)"),
                reset);
        String swapped = VI.feedback("your h_t is z_t * n_t + (1 − z_t) * h_{t-1}: z_t and 1 − z_t are swapped."
                + " h_t = (1 − z_t) * n_t + z_t * h_{t-1}: the update gate z_t keeps the old state (seed 9)");
        assertTrue(
                swapped.startsWith("h_t của bạn là z_t * n_t + (1 − z_t) * h_{t-1}: z_t và 1 − z_t bị đổi chỗ"),
                swapped);
    }

    @Test
    void everyVietnameseMessageTranslatesAnEnglishOneAndBothFilesAreUtf8() throws Exception {
        Properties en = properties("Messages.properties");
        Properties vi = properties("Messages_vi.properties");
        for (String key : vi.stringPropertyNames()) {
            assertTrue(key.startsWith("title.") || en.containsKey(key), key + " translates nothing");
        }
        for (String key : en.stringPropertyNames()) {
            assertTrue(vi.containsKey(key), key + " has no Vietnamese translation");
        }
        assertEquals("điểm", vi.getProperty("report.points"));
        for (GradedExercise e : GradingFixtures.COURSE.all()) {
            assertTrue(vi.containsKey("title." + e.id()), e.id() + " has no Vietnamese title");
        }
        assertFalse(VI.feedback("all tests pass").contains("pass"));
    }

    private static Properties properties(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Report report(String feedback) {
        return new Report(
                "exercises",
                812,
                List.of(new ExerciseResult(
                        "E3",
                        "forget gate",
                        List.of(new TestResult("E3 forget gate: fixed case", "3.1", 0, 8, feedback, "visible")),
                        feedback)),
                1.0,
                1);
    }
}
