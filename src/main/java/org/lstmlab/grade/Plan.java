package org.lstmlab.grade;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.lstmlab.grade.child.Tensor;
import org.lstmlab.grade.child.Wire;

/**
 * What the grader will ask of one exercise and how it will judge the answers: the calls sent to the
 * child JVM, and the graded tests that read their outcomes. Expected values stay here, in the
 * grader's JVM; the child only ever sees the arguments.
 */
final class Plan {
    /**
     * One call with its expected answer.
     *
     * @param call         what the child runs
     * @param method       the student method it calls
     * @param expected     the expected outputs by name ({@code ""} for a plain returned array)
     * @param symbols      how each output is named in feedback, e.g. {@code "" → "f_t [B, H]"}
     * @param alternatives common mistakes, each a wrong answer with the hint that explains it
     * @param label        how the case reads in feedback, e.g. {@code "randomised case 2 (seed 812, B=3, X=2, H=5)"}
     */
    record Case(
            Wire.Call call,
            String method,
            Map<String, Tensor> expected,
            Map<String, String> symbols,
            List<Alternative> alternatives,
            String label) {
        String id() {
            return call.id();
        }
    }

    /** A wrong answer a student might give, and what to tell them when theirs equals it. */
    record Alternative(Map<String, Tensor> outputs, String hint) {}

    /** A graded test: its points and a verdict computed from all outcomes. */
    record Check(String name, int points, BiFunction<Plan, Map<String, Wire.Outcome>, String> problem) {}

    final Exercise exercise;
    final long seed;
    final Map<String, Case> cases = new LinkedHashMap<>();
    final List<Check> checks = new ArrayList<>();
    /** Why a call has no outcome (the JVM exited, was killed, …); set by the grader after the run. */
    String stopped = "the grading JVM stopped before this call returned";

    Plan(Exercise exercise, long seed) {
        this.exercise = exercise;
        this.seed = seed;
    }

    Case add(Case c) {
        cases.put(c.id(), c);
        return c;
    }

    List<Wire.Call> calls() {
        return cases.values().stream().map(Case::call).toList();
    }

    /**
     * A test that passes when every listed case matches its expected outputs. When {@code unlessWrong}
     * cases fail, it earns nothing even if its own cases pass: right on the published case but wrong
     * on fresh inputs means the answer was hard-coded or depends on the example's sizes.
     */
    void expectCases(String name, int points, List<String> ids, List<String> unlessWrong) {
        checks.add(new Check(name, points, (plan, outcomes) -> {
            for (String id : ids) {
                String p = Judge.compare(plan, plan.cases.get(id), outcomes.get(id));
                if (p != null) return p;
            }
            for (String id : unlessWrong) {
                if (Judge.compare(plan, plan.cases.get(id), outcomes.get(id)) != null) {
                    return "right on this case but wrong on "
                            + plan.cases.get(id).label()
                            + ": does your code depend on the sizes or values of the example? Hard-coded answers score 0";
                }
            }
            return null;
        }));
    }

    /** A test of a property every answer must have, checked on the listed cases' outputs. */
    void expectProperty(
            String name, int points, List<String> ids, BiFunction<Case, Map<String, Tensor>, String> property) {
        checks.add(new Check(name, points, (plan, outcomes) -> {
            for (String id : ids) {
                Case c = plan.cases.get(id);
                String p = Judge.ran(plan, c, outcomes.get(id));
                if (p == null) p = property.apply(c, outcomes.get(id).outputs());
                if (p != null) return p;
            }
            return null;
        }));
    }
}
