package org.lstmlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import jdk.jshell.JShell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The note under a cell whose redefinition reset a variable, on JShell's own events (the kernel: KernelIJavaIT). */
class JavaCellsTest {

    static JShell jshell;

    @BeforeAll
    static void start() {
        jshell = JShell.create();
    }

    @AfterAll
    static void stop() {
        jshell.close();
    }

    /** The notes the cell's consequential events give. */
    static List<String> notes(String code) {
        return jshell.eval(code).stream()
                .filter(e -> e.causeSnippet() != null)
                .map(JavaCells::redefinitionNote)
                .flatMap(Optional::stream)
                .toList();
    }

    @Test
    void redefiningATypeResetsItsVariablesToTheDefaultAndTheNoteSaysWhichAndItsType() {
        notes("class Box { }");
        notes("Box box = new Box(); int count = 3;");
        assertEquals(
                List.of("note: redefining Box reset variable box (Box) to null; run the cell that set it again to get"
                        + " its value back"),
                notes("class Box { int size; }"));
    }

    @Test
    void declaringAVariableAgainWithAnotherTypeSaysItsPreviousTypeButTheSameTypeIsNoNews() {
        notes("int epochs = 3;");
        assertEquals(List.of(), notes("int epochs = 4;"));
        assertEquals(
                List.of("note: variable epochs was int and is now String; its previous value is gone"),
                notes("String epochs = \"four\";"));
    }
}
