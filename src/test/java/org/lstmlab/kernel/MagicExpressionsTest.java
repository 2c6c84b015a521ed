package org.lstmlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MagicExpressionsTest {

    @Test
    void aLineMagicAfterAnAssignmentBecomesACallOfLineMagicWithItsArguments() {
        assertEquals(
                "List<String> jars = lineMagic(\"jars\", java.util.List.of(\"lib/*.jar\", \"more.jar\"));",
                MagicExpressions.transform("List<String> jars = %jars lib/*.jar more.jar"));
    }

    @Test
    void aTrailingSemicolonIsNotAnArgument() {
        assertEquals(
                "var t = lineMagic(\"time\", java.util.List.of(\"fib(20)\"));",
                MagicExpressions.transform("var t = %time fib(20);"));
    }

    @Test
    void quotesKeepBlanksInOneArgumentAndAreEscapedInTheLiteral() {
        assertEquals(List.of("my folder/a.jar", "b"), MagicExpressions.split("\"my folder/a.jar\" b"));
        assertEquals(
                "x = lineMagic(\"echo\", java.util.List.of(\"a\\\\b\"));",
                MagicExpressions.transform("x = %echo a\\b"));
        assertEquals("\"my folder/a.jar\" b", MagicExpressions.join(List.of("my folder/a.jar", "b")));
    }

    @Test
    void aPercentInAStringACommentOrAComparisonIsLeftAlone() {
        for (String line : List.of(
                "String s = \"a = %jars x\";",
                "int r = 7 % 3; // x = %jars y",
                "boolean b = a == %jars;",
                "int r = a %b;",
                "char c = '='; String s = \"= %d\";",
                "String t = \"\"\"\n    H = %d\n    \"\"\";",
                "/* a\nb = %jars x */ int y = 1;")) {
            assertEquals(line, MagicExpressions.transform(line));
        }
    }

    @Test
    void onlyTheMagicsLineChangesAndTheCodeKeepsItsLines() {
        assertEquals(
                "int a = 1;\nvar t = lineMagic(\"time\", java.util.List.of(\"f()\"));\nString s = \"= %x\";",
                MagicExpressions.transform("int a = 1;\nvar t = %time f()\nString s = \"= %x\";"));
    }
}
