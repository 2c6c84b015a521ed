package org.lstmlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.Scanner;
import org.junit.jupiter.api.Test;

class NotebookInputTest {

    @Test
    void eachLineIsAskedForWhenTheReaderNeedsIt() throws Exception {
        Queue<String> typed = new ArrayDeque<>(List.of("Ada\n", "Lovelace ∂\n"));
        int[] asked = new int[1];
        NotebookInput in = new NotebookInput(() -> {
            asked[0]++;
            return typed.remove();
        });
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        assertEquals("Ada", reader.readLine());
        assertEquals(1, asked[0], "one line asked for one readLine");
        assertEquals("Lovelace ∂", reader.readLine());
        assertEquals(2, asked[0]);
    }

    @Test
    void aScannerSeesTheFrontEndsRefusalAsItsOwnExceptionNotAsAnEmptyStream() {
        NotebookInput in = new NotebookInput(() -> {
            throw new StdinUnavailable("the front end accepts no input");
        });
        var e = assertThrows(StdinUnavailable.class, () -> new Scanner(in).nextLine());
        assertEquals("standard input is not available: the front end accepts no input", e.getMessage());
    }

    @Test
    void availableNeverAsksTheFrontEnd() {
        NotebookInput in = new NotebookInput(() -> {
            throw new AssertionError("asked");
        });
        assertEquals(0, in.available());
    }

    @Test
    void anEmptyAnswerIsAnEmptyLine() {
        NotebookInput in = new NotebookInput(() -> "\n");
        assertTrue(new Scanner(in).nextLine().isEmpty());
    }
}
