package org.lstmlab.nn;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Reads a fixture written by {@code src/test/resources/oracle/make_fixtures.py}: '#' comments, then per
 * array a header {@code name rank d1 … d_rank} and one line of values in C order.
 */
public final class OracleFixture {
    /** The agreement with PyTorch that every oracle test asks for (float64 on both sides). */
    public static final double TOLERANCE = 1e-10;

    private final String file;
    private final Map<String, INDArray> arrays;

    private OracleFixture(String file, Map<String, INDArray> arrays) {
        this.file = file;
        this.arrays = arrays;
    }

    public static OracleFixture load(String name) {
        String file = "/oracle/" + name + ".txt";
        InputStream in = OracleFixture.class.getResourceAsStream(file);
        if (in == null) throw new IllegalStateException("missing test resource " + file + ": run make_fixtures.py");
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = r.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] head = line.trim().split(" ");
                int rank = Integer.parseInt(head[1]);
                if (head.length != 2 + rank)
                    throw new IllegalStateException(file + ":" + number + ": bad header " + line);
                long[] shape = new long[rank];
                long count = 1;
                for (int k = 0; k < rank; k++) {
                    shape[k] = Long.parseLong(head[2 + k]);
                    count *= shape[k];
                }
                String values = r.readLine();
                number++;
                if (values == null)
                    throw new IllegalStateException(file + ":" + number + ": values of " + head[0] + " missing");
                String[] tokens = values.trim().split(" ");
                if (tokens.length != count) {
                    throw new IllegalStateException(file + ":" + number + ": " + head[0] + " needs " + count
                            + " values but has " + tokens.length);
                }
                double[] v = new double[tokens.length];
                for (int k = 0; k < v.length; k++) v[k] = Double.parseDouble(tokens[k]);
                arrays.put(head[0], rank == 0 ? Nd4j.scalar(v[0]) : Nd4j.create(v, shape, DataType.DOUBLE));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new OracleFixture(file, arrays);
    }

    /** The array by name, DOUBLE. */
    public INDArray get(String name) {
        INDArray a = arrays.get(name);
        if (a == null) throw new IllegalStateException(file + " has no array " + name + "; it has " + arrays.keySet());
        return a;
    }

    public double scalar(String name) {
        return get(name).getDouble(0);
    }

    /** {@code name[:, t, :]} of a {@code [B, T, H]} array. */
    public INDArray at(String name, int t) {
        return get(name).get(NDArrayIndex.all(), NDArrayIndex.point(t), NDArrayIndex.all());
    }

    /** The largest absolute difference between two arrays of the same shape. */
    public static double maxAbsDiff(INDArray expected, INDArray actual) {
        if (!java.util.Arrays.equals(expected.shape(), actual.shape())) {
            throw new AssertionError("shape " + java.util.Arrays.toString(actual.shape()) + " but the oracle has "
                    + java.util.Arrays.toString(expected.shape()));
        }
        return expected.castTo(DataType.DOUBLE)
                .sub(actual.castTo(DataType.DOUBLE))
                .amaxNumber()
                .doubleValue();
    }
}
