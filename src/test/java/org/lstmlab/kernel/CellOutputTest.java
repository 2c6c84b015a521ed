package org.lstmlab.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellOutputTest {

    record Chunk(CellOutput.Stream stream, String text) {}

    final List<Chunk> chunks = new ArrayList<>();
    final CellOutput output = new CellOutput((stream, text) -> chunks.add(new Chunk(stream, text)));

    @Test
    void manyPrintlnsArriveInFewChunksWithEveryLineInOrder() {
        for (int i = 0; i < 200_000; i++) {
            output.out.println("line " + i);
        }
        output.flush();
        StringBuilder all = new StringBuilder();
        chunks.forEach(c -> all.append(c.text()));
        List<String> lines = all.toString().lines().toList();
        assertEquals(200_000, lines.size());
        for (int i = 0; i < lines.size(); i++) {
            assertEquals("line " + i, lines.get(i));
        }
        assertTrue(chunks.size() < 100, "one chunk per " + CellOutput.CHUNK_BYTES + " bytes, got " + chunks.size());
    }

    @Test
    void nothingIsSentUntilAChunkFillsOrAFlush() {
        output.out.println("held");
        assertTrue(chunks.isEmpty());
        output.flush();
        assertEquals(List.of(new Chunk(CellOutput.Stream.OUT, "held\n")), chunks);
    }

    @Test
    void stdoutAndStderrKeepTheOrderTheyWereWrittenIn() {
        output.out.print("a");
        output.err.print("b");
        output.out.print("c");
        output.flush();
        assertEquals(
                List.of(
                        new Chunk(CellOutput.Stream.OUT, "a"),
                        new Chunk(CellOutput.Stream.ERR, "b"),
                        new Chunk(CellOutput.Stream.OUT, "c")),
                chunks);
    }

    @Test
    void aCharacterSplitAcrossWritesIsNeverSplitAcrossChunks() {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        output.out.write(euro, 0, 1);
        output.flush();
        assertTrue(chunks.isEmpty(), "half a character must wait: " + chunks);
        output.out.write(euro, 1, 2);
        output.flush();
        assertEquals("€", chunks.get(0).text());
    }

    @Test
    void completeUtf8LengthStopsBeforeAnUnfinishedCharacter() {
        byte[] text = "a€".getBytes(StandardCharsets.UTF_8);
        assertEquals(4, CellOutput.completeUtf8Length(text));
        assertEquals(1, CellOutput.completeUtf8Length(java.util.Arrays.copyOf(text, 3)));
        assertArrayEquals(
                new byte[] {'a'},
                java.util.Arrays.copyOf(text, CellOutput.completeUtf8Length(java.util.Arrays.copyOf(text, 2))));
    }

    @Test
    void theTimerSendsBufferedTextWithoutAFlush() throws Exception {
        output.startTimer(20);
        output.out.println("by the timer");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            synchronized (output) {
                if (!chunks.isEmpty()) {
                    break;
                }
            }
            Thread.sleep(10);
        }
        synchronized (output) {
            assertEquals("by the timer\n", chunks.get(0).text());
        }
    }
}
