package org.lstmlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jdk.jshell.JShell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodeCompletenessTest {

    static JShell jshell;

    @BeforeAll
    static void startShell() {
        jshell = JShell.create();
    }

    @AfterAll
    static void closeShell() {
        jshell.close();
    }

    static CodeCompleteness.Answer answer(String code) {
        return CodeCompleteness.of(jshell.sourceCodeAnalysis(), code);
    }

    @ParameterizedTest
    @ValueSource(strings = {")))", "int x = ;", "\"never closed", "}", "x = )", "int y = 1;\n)))", "%%time\n)))"})
    void codeThatNoFurtherLineCanMakeCompileIsInvalid(String code) {
        assertEquals("invalid", answer(code).status(), "is_complete of " + code);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "int x = 1",
                "int x = 1;",
                "1 + 1",
                "var cell = new LstmCell(LstmParams.init(3, 4, 42));",
                "import java.util.*;",
                "void f() {}",
                "class A {}",
                "record R(int a) {}",
                "for (int i = 0; i < 3; i++) { System.out.println(i); }",
                "%lsmagic",
                "/vars",
                "int a = 1;\n/list",
                "%maven org.example:a:1.0\nint z = 2;",
                "%%time\nint w = 3;",
                "",
                "import java.util.*;\nvar list = new ArrayList<String>();\nlist.size()"
            })
    void codeThatCanRunAsItIsIsComplete(String code) {
        assertEquals("complete", answer(code).status(), "is_complete of " + code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"for (int i = 0; i < 3; i++) {", "1 +", "class A {", "foo(1,"})
    void anOpenBlockCallOrExpressionIsIncomplete(String code) {
        assertEquals("incomplete", answer(code).status(), "is_complete of " + code);
    }

    @org.junit.jupiter.api.Test
    void theIndentGrowsWithTheOpenBlocks() {
        assertEquals("    ", answer("void f() {").indent());
        assertEquals(
                "        ",
                answer("void f() {\n  for (int i = 0; i < 2; i++) {").indent());
        assertEquals(
                "    ", CodeCompleteness.indentAfter("String s = \"{{{\"; f(\n"), "braces in strings do not count");
    }
}
