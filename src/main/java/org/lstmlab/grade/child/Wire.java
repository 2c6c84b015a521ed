package org.lstmlab.grade.child;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The byte format of a grading job (calls with their arguments, written by the grader) and of its
 * outcome (numbers or an error per call, written by the child JVM). Arguments are float64 tensors,
 * numbers, tensor maps and the library's parameter records.
 */
public final class Wire {
    /** Bumped whenever the format changes, so a stale child is noticed. */
    public static final int VERSION = 1;
    /** Hard caps the reader enforces, so a forged file cannot make the grader allocate without bound. */
    public static final int MAX_VALUES = 4_000_000;

    public static final int MAX_ENTRIES = 1_000;

    private Wire() {}

    /** A map argument that becomes {@code Map<String, INDArray>} in the child. */
    public record TensorMap(Map<String, Tensor> entries) {}

    /** An {@code RnnParams} argument. */
    public record RnnArg(Tensor wH, Tensor bH) {}

    /** An {@code LstmParams} argument, in the order of the equations. */
    public record LstmArg(Tensor wF, Tensor bF, Tensor wI, Tensor bI, Tensor wC, Tensor bC, Tensor wO, Tensor bO) {
        public List<Tensor> all() {
            return List.of(wF, bF, wI, bI, wC, bC, wO, bO);
        }
    }

    /**
     * One call of a student method.
     *
     * @param id        names the call in the outcome, e.g. {@code "fixed"} or {@code "random-2"}
     * @param className fully qualified, e.g. {@code org.lstmlab.exercises.E3ForgetGate}
     * @param method    the static method's name
     * @param args      {@link Tensor}, {@link Double}, {@link TensorMap}, {@link RnnArg} or {@link LstmArg}
     */
    public record Call(String id, String className, String method, List<Object> args) {}

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
     * @param id      the call's id
     * @param status  how it ended
     * @param message for THREW, TIMED_OUT and BROKE_RULE: what happened, for the feedback
     * @param outputs the returned value flattened to named tensors ({@code ""} for a plain array)
     */
    public record Outcome(String id, Status status, String message, Map<String, Tensor> outputs) {}

    public static void writeCalls(DataOutputStream out, List<Call> calls) throws IOException {
        out.writeInt(VERSION);
        out.writeInt(calls.size());
        for (Call c : calls) {
            out.writeUTF(c.id());
            out.writeUTF(c.className());
            out.writeUTF(c.method());
            out.writeInt(c.args().size());
            for (Object a : c.args()) writeArg(out, a);
        }
        out.flush();
    }

    public static List<Call> readCalls(DataInputStream in) throws IOException {
        checkVersion(in.readInt());
        int n = count(in.readInt());
        List<Call> calls = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            String id = in.readUTF();
            String cls = in.readUTF();
            String method = in.readUTF();
            int nargs = count(in.readInt());
            List<Object> args = new ArrayList<>(nargs);
            for (int a = 0; a < nargs; a++) args.add(readArg(in));
            calls.add(new Call(id, cls, method, args));
        }
        return calls;
    }

    public static void writeOutcome(DataOutputStream out, Outcome o) throws IOException {
        out.writeByte('O');
        out.writeUTF(o.id());
        out.writeByte(o.status().ordinal());
        out.writeUTF(truncate(o.message() == null ? "" : o.message(), 4000));
        out.writeInt(o.outputs().size());
        for (Map.Entry<String, Tensor> e : o.outputs().entrySet()) {
            out.writeUTF(truncate(e.getKey(), 200));
            writeTensor(out, e.getValue());
        }
        out.flush();
    }

    /** Reads outcomes until the end of the stream or the first damaged record. */
    public static List<Outcome> readOutcomes(DataInputStream in) {
        List<Outcome> outcomes = new ArrayList<>();
        try {
            while (outcomes.size() < MAX_ENTRIES && in.readByte() == 'O') {
                String id = in.readUTF();
                int s = in.readByte();
                if (s < 0 || s >= Status.values().length) break;
                String message = in.readUTF();
                int n = count(in.readInt());
                Map<String, Tensor> outputs = new LinkedHashMap<>();
                for (int k = 0; k < n; k++) outputs.put(in.readUTF(), readTensor(in));
                outcomes.add(new Outcome(id, Status.values()[s], message, outputs));
            }
        } catch (IOException | IllegalArgumentException | OutOfMemoryError endOrDamage) {
            // a truncated or forged record ends the list: what came before stays
        }
        return outcomes;
    }

    public static void writeTensor(DataOutputStream out, Tensor t) throws IOException {
        out.writeInt(t.shape().length);
        for (long s : t.shape()) out.writeLong(s);
        out.writeInt(t.data().length);
        for (double d : t.data()) out.writeDouble(d);
    }

    public static Tensor readTensor(DataInputStream in) throws IOException {
        int rank = in.readInt();
        if (rank < 0 || rank > 8) throw new IOException("rank " + rank);
        long[] shape = new long[rank];
        for (int k = 0; k < rank; k++) shape[k] = in.readLong();
        int n = in.readInt();
        if (n < 0 || n > MAX_VALUES) throw new IOException("too many values: " + n);
        double[] data = new double[n];
        for (int k = 0; k < n; k++) data[k] = in.readDouble();
        return new Tensor(shape, data);
    }

    private static void writeArg(DataOutputStream out, Object a) throws IOException {
        if (a instanceof Tensor t) {
            out.writeByte('T');
            writeTensor(out, t);
        } else if (a instanceof Double d) {
            out.writeByte('D');
            out.writeDouble(d);
        } else if (a instanceof TensorMap m) {
            out.writeByte('M');
            out.writeInt(m.entries().size());
            for (Map.Entry<String, Tensor> e : m.entries().entrySet()) {
                out.writeUTF(e.getKey());
                writeTensor(out, e.getValue());
            }
        } else if (a instanceof RnnArg r) {
            out.writeByte('R');
            writeTensor(out, r.wH());
            writeTensor(out, r.bH());
        } else if (a instanceof LstmArg l) {
            out.writeByte('L');
            for (Tensor t : l.all()) writeTensor(out, t);
        } else {
            throw new IllegalArgumentException(
                    "cannot send an argument of type " + a.getClass().getName());
        }
    }

    private static Object readArg(DataInputStream in) throws IOException {
        int tag = in.readByte();
        switch (tag) {
            case 'T':
                return readTensor(in);
            case 'D':
                return in.readDouble();
            case 'M': {
                int n = count(in.readInt());
                Map<String, Tensor> m = new LinkedHashMap<>();
                for (int k = 0; k < n; k++) m.put(in.readUTF(), readTensor(in));
                return new TensorMap(m);
            }
            case 'R':
                return new RnnArg(readTensor(in), readTensor(in));
            case 'L': {
                Tensor[] t = new Tensor[8];
                for (int k = 0; k < 8; k++) t[k] = readTensor(in);
                return new LstmArg(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7]);
            }
            default:
                throw new IOException("unknown argument tag " + tag);
        }
    }

    private static void checkVersion(int v) throws IOException {
        if (v != VERSION) throw new IOException("job format " + v + ", this child reads " + VERSION);
    }

    private static int count(int n) throws IOException {
        if (n < 0 || n > MAX_ENTRIES) throw new IOException("bad count " + n);
        return n;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
