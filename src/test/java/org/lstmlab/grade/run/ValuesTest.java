package org.lstmlab.grade.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.lstmlab.grade.author.StudentCodeFailed;
import org.lstmlab.grade.sandbox.child.Value;

class ValuesTest {
    @Test
    void aWholeNumberComesBackAsTheIntOrLongTheExerciseDeclares() {
        assertEquals(3, Values.fromValue(new Value.Num(3), int.class, "E11SamplingTemperature.sample"));
        assertEquals(-7L, Values.fromValue(new Value.Num(-7), long.class, "f"));
    }

    @Test
    void aFractionIsNoInt() {
        var e = assertThrows(
                StudentCodeFailed.class,
                () -> Values.fromValue(new Value.Num(2.5), int.class, "E11SamplingTemperature.sample"));
        assertEquals(
                "E11SamplingTemperature.sample returned a number where the exercise expects int: keep the signature"
                        + " of the exercise file",
                e.getMessage());
    }

    @Test
    void aValueThatDoesNotFitIsExplainedInTheStudentsLanguage() {
        System.setProperty(org.lstmlab.grade.sandbox.Bundle.LANG_PROPERTY, "vi");
        try {
            var e = assertThrows(
                    StudentCodeFailed.class,
                    () -> Values.fromValue(
                            new Value.Tensor(new long[] {2, 3}, new double[6]),
                            double.class,
                            "E9GradientClipping.norm"));
            assertEquals(
                    "E9GradientClipping.norm trả về một mảng có hình dạng [2, 3], trong khi bài tập cần double: hãy giữ"
                            + " nguyên khai báo phương thức như trong tệp bài tập",
                    e.getMessage());
        } finally {
            System.clearProperty(org.lstmlab.grade.sandbox.Bundle.LANG_PROPERTY);
        }
    }
}
