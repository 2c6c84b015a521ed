package org.lstmlab.grade.sandbox.child;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Calls and answers cross the pipes as they were sent, and nothing without the session's secret passes. */
class WireTest {
    private static DataInputStream in(ByteArrayOutputStream bytes) {
        return new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
    }

    @Test
    void aCallWithEveryKindOfValueArrivesAsItWasSent() throws IOException {
        Map<String, Value> grads = new LinkedHashMap<>();
        grads.put("W_h", new Value.Tensor(new long[] {2, 3}, new double[] {1, 2, 3, 4, 5, 6}));
        grads.put("b_h", new Value.Tensor(new long[] {2}, new double[] {-1, 1}));
        Value record = new Value.Struct("RnnParams", Map.of("wH", grads.get("W_h"), "bH", grads.get("b_h")));
        var bytes = new ByteArrayOutputStream();
        Wire.Call sent = new Wire.Call(
                7,
                "/tmp/classes",
                "org.lstmlab.exercises.E9GradientClipping",
                "clipGradients",
                List.of(new Value.Dict(grads), new Value.Num(2.5), new Value.Doubles(new double[] {0.5}), record));
        Wire.writeCall(new DataOutputStream(bytes), sent);
        Wire.Call got = Wire.readCall(in(bytes));
        assertEquals(7, got.seq());
        assertEquals(sent.className(), got.className());
        assertEquals(sent.method(), got.method());
        Value.Dict dict = (Value.Dict) got.args().get(0);
        assertEquals(List.of("W_h", "b_h"), List.copyOf(dict.entries().keySet()));
        assertArrayEquals(new long[] {2, 3}, ((Value.Tensor) dict.entries().get("W_h")).shape());
        assertArrayEquals(
                new double[] {1, 2, 3, 4, 5, 6}, ((Value.Tensor) dict.entries().get("W_h")).data());
        assertEquals(2.5, ((Value.Num) got.args().get(1)).value());
        assertArrayEquals(new double[] {0.5}, ((Value.Doubles) got.args().get(2)).values());
        assertEquals("RnnParams", ((Value.Struct) got.args().get(3)).type());
    }

    @Test
    void anAnswerPassesOnlyWithTheSessionsSecret() throws IOException {
        var bytes = new ByteArrayOutputStream();
        var out = new DataOutputStream(bytes);
        Wire.writeReady(out, 42);
        Wire.writeOutcome(out, 42, new Wire.Outcome(1, Wire.Status.RETURNED, "", new Value.Num(3)));
        DataInputStream answers = in(bytes);
        assertNull(Wire.readAnswer(answers, 42), "the ready frame");
        assertEquals(3.0, ((Value.Num) Wire.readAnswer(answers, 42).result()).value());

        var forged = new ByteArrayOutputStream();
        Wire.writeOutcome(
                new DataOutputStream(forged), 41, new Wire.Outcome(1, Wire.Status.RETURNED, "", new Value.Num(3)));
        var e = assertThrows(IOException.class, () -> Wire.readAnswer(in(forged), 42));
        assertEquals("an answer frame without the session's secret", e.getMessage());
    }

    @Test
    void aDamagedFrameCannotMakeTheReaderAllocateWithoutBound() throws IOException {
        var bytes = new ByteArrayOutputStream();
        var out = new DataOutputStream(bytes);
        out.writeInt(Wire.MAGIC);
        out.writeLong(42);
        out.writeByte('O');
        out.writeInt(1);
        out.writeByte(0);
        out.writeUTF("");
        out.writeBoolean(true);
        out.writeByte('A');
        out.writeInt(Integer.MAX_VALUE); // a double[] of 2³¹ − 1 values
        var e = assertThrows(IOException.class, () -> Wire.readAnswer(in(bytes), 42));
        assertEquals("too many values: 2147483647", e.getMessage());
    }

    @Test
    void aTensorWhoseShapeDoesNotHoldItsValuesIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Value.Tensor(new long[] {2, 2}, new double[3]));
        assertEquals("shape [2, 2] holds 4 values but 3 came", e.getMessage());
    }
}
