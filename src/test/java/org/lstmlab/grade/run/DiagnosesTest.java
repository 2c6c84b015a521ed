package org.lstmlab.grade.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.lstmlab.grade.author.StudentCodeFailed;
import org.lstmlab.grade.report.Diagnosis;

class DiagnosesTest {
    private static Diagnosis stopped(String message) {
        return Diagnoses.of(new StudentCodeFailed(StudentCodeFailed.Kind.STOPPED, message), message);
    }

    @Test
    void aCompileErrorIsDiagnosedByTheCompilersFirstMessage() {
        String m = "E3ForgetGate.java does not compile:\n  E3ForgetGate.java:12: cannot find symbol\n"
                + "    symbol: variable hx\n  E3ForgetGate.java:14: ';' expected";
        assertEquals(
                new Diagnosis(Diagnosis.Kind.DOES_NOT_COMPILE, "E3ForgetGate.java:12: cannot find symbol"), stopped(m));
    }

    @Test
    void brokenRulesAndTimeoutsAreToldApart() {
        assertEquals(
                Diagnosis.Kind.BROKE_RULE,
                stopped("E3 must be your own code, but E3ForgetGate calls org.lstmlab.nn.LstmCell, which computes the"
                                + " answer: the library is for checking your work in the notebook")
                        .kind());
        assertEquals(
                Diagnosis.Kind.BROKE_RULE,
                stopped("started a process (sh): graded code must not start processes")
                        .kind());
        assertEquals(
                Diagnosis.Kind.TIMED_OUT,
                stopped("did not return within 10.0 s: an endless loop?").kind());
        assertEquals(
                Diagnosis.Kind.TIMED_OUT,
                stopped("its calls took more than 60 s together, so grading stopped: is it very slow?")
                        .kind());
        assertEquals(
                Diagnosis.Kind.MISSING,
                stopped("E3ForgetGate.java is not in the submission").kind());
        assertEquals(
                Diagnosis.Kind.STOPPED,
                stopped("ran out of memory (heap limit 256 MB)").kind());
    }

    @Test
    void aStarterMethodIsNotImplementedAndAnUnnamedWrongAnswerLosesItsCase() {
        assertEquals(
                new Diagnosis(Diagnosis.Kind.NOT_IMPLEMENTED, "not implemented yet"),
                Diagnoses.of(new StudentCodeFailed(StudentCodeFailed.Kind.NOT_IMPLEMENTED, "x"), "x"));
        String wrong = "f_t is wrong at [0, 1]: expected 0.5, got 0.4 (fixed case (seed 7, B=2, X=3, H=4))";
        assertEquals(
                new Diagnosis(Diagnosis.Kind.WRONG, "f_t is wrong at [0, 1]: expected 0.5, got 0.4"),
                Diagnoses.of(new AssertionError(wrong), wrong));
    }
}
