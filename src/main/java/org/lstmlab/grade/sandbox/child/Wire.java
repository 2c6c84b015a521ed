package org.lstmlab.grade.sandbox.child;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The byte format between the grader and the child JVM. The grader writes the session's secret and
 * then one {@link Call} at a time on the child's standard input; the child answers on its standard
 * output with a {@link #READY} frame once, then one {@link Outcome} per call. Every answer frame
 * starts with {@link #MAGIC} and the secret, which only the child's main method holds, so bytes that
 * graded code writes to the output's file descriptor cannot pass for an answer.
 */
public final class Wire {
    /** {@code LSTM}: the start of every answer frame. */
    public static final int MAGIC = 0x4C53544D;
    /** Bumped whenever the format changes. */
    public static final int VERSION = 2;
    /** Caps the reader enforces, so a damaged frame cannot make either side allocate without bound. */
    public static final int MAX_VALUES = 4_000_000;

    public static final int MAX_ENTRIES = 1_000;
    /** An outcome's message is cut here. */
    public static final int MAX_MESSAGE_CHARS = 4_000;

    private static final int MAX_DEPTH = 6;
    private static final byte READY = 'Y';
    private static final byte OUTCOME = 'O';
    private static final byte CALL = 'C';

    private Wire() {}

    /**
     * One call of a student's static method.
     *
     * @param seq numbers the call, so its answer can be matched
     * @param classes the folder of the submission's compiled classes, loaded fresh for this call
     * @param className fully qualified, e.g. {@code org.lstmlab.exercises.E3ForgetGate}
     * @param method the static method's name
     * @param args the arguments, converted in the child to the method's parameter types
     */
    public record Call(int seq, String classes, String className, String method, List<Value> args) {}

    /** How a call ended in the child. */
    public enum Status {
        RETURNED,
        THREW,
        TIMED_OUT,
        BROKE_RULE
    }

    /**
     * What the child reports for one call; the grader alone decides what it is worth.
     *
     * @param seq the call's number
     * @param status how it ended
     * @param message for THREW, TIMED_OUT and BROKE_RULE: what happened, for the feedback
     * @param result for RETURNED: the returned value
     */
    public record Outcome(int seq, Status status, String message, Value result) {}

    public static void writeCall(DataOutputStream out, Call c) throws IOException {
        out.writeByte(CALL);
        out.writeInt(c.seq());
        out.writeUTF(c.classes());
        out.writeUTF(c.className());
        out.writeUTF(c.method());
        out.writeInt(c.args().size());
        for (Value v : c.args()) {
            writeValue(out, v);
        }
        out.flush();
    }

    /** The next call, or null when the grader closed the stream. */
    public static Call readCall(DataInputStream in) throws IOException {
        int tag = in.read();
        if (tag < 0) {
            return null;
        }
        if (tag != CALL) {
            throw new IOException("expected a call but read tag " + tag);
        }
        int seq = in.readInt();
        String classes = in.readUTF();
        String className = in.readUTF();
        String method = in.readUTF();
        int n = count(in.readInt());
        List<Value> args = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            args.add(readValue(in, 0));
        }
        return new Call(seq, classes, className, method, args);
    }

    public static void writeReady(DataOutputStream out, long secret) throws IOException {
        out.writeInt(MAGIC);
        out.writeLong(secret);
        out.writeByte(READY);
        out.writeInt(VERSION);
        out.flush();
    }

    public static void writeOutcome(DataOutputStream out, long secret, Outcome o) throws IOException {
        out.writeInt(MAGIC);
        out.writeLong(secret);
        out.writeByte(OUTCOME);
        out.writeInt(o.seq());
        out.writeByte(o.status().ordinal());
        out.writeUTF(truncate(o.message() == null ? "" : o.message(), MAX_MESSAGE_CHARS));
        out.writeBoolean(o.result() != null);
        if (o.result() != null) {
            writeValue(out, o.result());
        }
        out.flush();
    }

    /**
     * Reads one answer frame: null for the ready frame, else the outcome.
     *
     * @throws IOException at the end of the stream, or when the frame is not one the child wrote
     */
    public static Outcome readAnswer(DataInputStream in, long secret) throws IOException {
        if (in.readInt() != MAGIC || in.readLong() != secret) {
            throw new IOException("an answer frame without the session's secret");
        }
        int kind = in.readByte();
        if (kind == READY) {
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException("the child speaks version " + version + ", the grader " + VERSION);
            }
            return null;
        }
        if (kind != OUTCOME) {
            throw new IOException("unknown answer kind " + kind);
        }
        int seq = in.readInt();
        int s = in.readByte();
        if (s < 0 || s >= Status.values().length) {
            throw new IOException("unknown status " + s);
        }
        String message = in.readUTF();
        Value result = in.readBoolean() ? readValue(in, 0) : null;
        return new Outcome(seq, Status.values()[s], message, result);
    }

    public static void writeValue(DataOutputStream out, Value v) throws IOException {
        if (v instanceof Value.Num n) {
            out.writeByte('N');
            out.writeDouble(n.value());
        } else if (v instanceof Value.Tensor t) {
            out.writeByte('T');
            out.writeInt(t.shape().length);
            for (long s : t.shape()) {
                out.writeLong(s);
            }
            writeDoubles(out, t.data());
        } else if (v instanceof Value.Doubles d) {
            out.writeByte('A');
            writeDoubles(out, d.values());
        } else if (v instanceof Value.Dict d) {
            out.writeByte('M');
            writeEntries(out, d.entries());
        } else if (v instanceof Value.Struct s) {
            out.writeByte('R');
            out.writeUTF(truncate(s.type(), 200));
            writeEntries(out, s.fields());
        } else {
            throw new IllegalArgumentException("cannot send " + v);
        }
    }

    static Value readValue(DataInputStream in, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IOException("values nested more than " + MAX_DEPTH + " deep");
        }
        int tag = in.readByte();
        switch (tag) {
            case 'N':
                return new Value.Num(in.readDouble());
            case 'T': {
                int rank = in.readInt();
                if (rank < 0 || rank > 8) {
                    throw new IOException("rank " + rank);
                }
                long[] shape = new long[rank];
                for (int k = 0; k < rank; k++) {
                    shape[k] = in.readLong();
                }
                try {
                    return new Value.Tensor(shape, readDoubles(in));
                } catch (IllegalArgumentException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }
            case 'A':
                return new Value.Doubles(readDoubles(in));
            case 'M':
                return new Value.Dict(readEntries(in, depth));
            case 'R': {
                String type = in.readUTF();
                return new Value.Struct(type, readEntries(in, depth));
            }
            default:
                throw new IOException("unknown value tag " + tag);
        }
    }

    private static void writeDoubles(DataOutputStream out, double[] d) throws IOException {
        out.writeInt(d.length);
        for (double x : d) {
            out.writeDouble(x);
        }
    }

    private static double[] readDoubles(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_VALUES) {
            throw new IOException("too many values: " + n);
        }
        double[] d = new double[n];
        for (int k = 0; k < n; k++) {
            d[k] = in.readDouble();
        }
        return d;
    }

    private static void writeEntries(DataOutputStream out, Map<String, Value> entries) throws IOException {
        out.writeInt(entries.size());
        for (Map.Entry<String, Value> e : entries.entrySet()) {
            out.writeUTF(truncate(e.getKey(), 200));
            writeValue(out, e.getValue());
        }
    }

    private static Map<String, Value> readEntries(DataInputStream in, int depth) throws IOException {
        int n = count(in.readInt());
        Map<String, Value> m = new LinkedHashMap<>();
        for (int k = 0; k < n; k++) {
            m.put(in.readUTF(), readValue(in, depth + 1));
        }
        return m;
    }

    private static int count(int n) throws IOException {
        if (n < 0 || n > MAX_ENTRIES) {
            throw new IOException("bad count " + n);
        }
        return n;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
