package org.lstmlab.grade.run;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lstmlab.grade.author.Expect;
import org.lstmlab.grade.author.Say;
import org.lstmlab.grade.author.StudentCodeFailed;
import org.lstmlab.grade.sandbox.child.Value;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns a test's arguments into numbers for the sandbox, and the numbers that come back into the
 * types the exercise's interface declares: {@code INDArray} (float64), {@code double},
 * {@code double[]}, {@code Map<String, INDArray>}, and records — the library's ({@code LstmParams})
 * or the test's own ({@code E7LstmStepTest.State}) — filled component by component, by name.
 * Everything the grader holds afterwards it made itself.
 */
public final class Values {
    private Values() {}

    /** An argument as numbers. @throws IllegalArgumentException for a type the sandbox cannot take */
    public static Value toValue(Object arg) {
        if (arg instanceof INDArray a) {
            return new Value.Tensor(a.shape().clone(), Expect.doubles(a));
        }
        if (arg instanceof Double || arg instanceof Float || arg instanceof Integer || arg instanceof Long) {
            return new Value.Num(((Number) arg).doubleValue());
        }
        if (arg instanceof double[] d) {
            return new Value.Doubles(d.clone());
        }
        if (arg instanceof Map<?, ?> m) {
            Map<String, Value> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), toValue(v)));
            return new Value.Dict(out);
        }
        if (arg != null && arg.getClass().isRecord()) {
            Map<String, Value> out = new LinkedHashMap<>();
            for (RecordComponent rc : arg.getClass().getRecordComponents()) {
                try {
                    out.put(rc.getName(), toValue(rc.getAccessor().invoke(arg)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalArgumentException("cannot read " + rc.getName() + " of " + arg, e);
                }
            }
            return new Value.Struct(arg.getClass().getSimpleName(), out);
        }
        throw new IllegalArgumentException("the sandbox cannot pass "
                + (arg == null ? "null" : "a " + arg.getClass().getName())
                + ": use INDArray, double, double[], Map<String, INDArray> or a record");
    }

    /**
     * What came back, as {@code type}.
     *
     * @param what the method, for messages, e.g. {@code E7LstmStep.lstmStep}
     * @throws StudentCodeFailed when the value does not fit the declared type
     */
    public static Object fromValue(Value v, Type type, String what) {
        Class<?> raw = raw(type);
        if (raw == INDArray.class && v instanceof Value.Tensor t) {
            return Nd4j.create(t.data().clone(), t.shape().clone(), DataType.DOUBLE);
        }
        if (raw == double[].class) {
            if (v instanceof Value.Doubles d) {
                return d.values().clone();
            }
            if (v instanceof Value.Tensor t && t.shape().length == 1) {
                return t.data().clone();
            }
        }
        if ((raw == double.class || raw == Double.class) && v instanceof Value.Num n) {
            return n.value();
        }
        // an int or long result crosses as a double, exactly (an int always fits; a long up to 2^53)
        if ((raw == int.class || raw == Integer.class)
                && v instanceof Value.Num n
                && n.value() == Math.rint(n.value())
                && Math.abs(n.value()) <= Integer.MAX_VALUE) {
            return (int) n.value();
        }
        if ((raw == long.class || raw == Long.class) && v instanceof Value.Num n && n.value() == Math.rint(n.value())) {
            return (long) n.value();
        }
        if (Map.class.isAssignableFrom(raw) && v instanceof Value.Dict d) {
            Type valueType = type instanceof ParameterizedType p ? p.getActualTypeArguments()[1] : Object.class;
            Map<String, Object> m = new LinkedHashMap<>();
            for (Map.Entry<String, Value> e : d.entries().entrySet()) {
                m.put(e.getKey(), fromValue(e.getValue(), valueType, what + " at key \"" + e.getKey() + "\""));
            }
            return java.util.Collections.unmodifiableMap(m);
        }
        if (raw.isRecord() && v instanceof Value.Struct s) {
            RecordComponent[] parts = raw.getRecordComponents();
            Class<?>[] types = new Class<?>[parts.length];
            Object[] values = new Object[parts.length];
            for (int k = 0; k < parts.length; k++) {
                types[k] = parts[k].getType();
                Value part = s.fields().get(parts[k].getName());
                if (part == null) {
                    throw new StudentCodeFailed(
                            StudentCodeFailed.Kind.UNREADABLE,
                            Say.say(
                                    "run.recordMissing",
                                    what,
                                    s.type(),
                                    parts[k].getName(),
                                    s.fields().keySet()));
                }
                values[k] = fromValue(part, parts[k].getGenericType(), what + "." + parts[k].getName());
            }
            try {
                Constructor<?> make = raw.getDeclaredConstructor(types);
                make.setAccessible(true);
                return make.newInstance(values);
            } catch (InvocationTargetException e) {
                throw new StudentCodeFailed(
                        StudentCodeFailed.Kind.UNREADABLE,
                        Say.say(
                                "run.recordRefuses",
                                what,
                                raw.getSimpleName(),
                                e.getCause().getMessage()));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot make a " + raw.getName(), e);
            }
        }
        throw new StudentCodeFailed(
                StudentCodeFailed.Kind.UNREADABLE, Say.say("run.wrongType", what, describe(v), raw.getSimpleName()));
    }

    private static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static String describe(Value v) {
        if (v instanceof Value.Tensor t) {
            return Say.say("value.array", Arrays.toString(t.shape()));
        }
        if (v instanceof Value.Doubles d) {
            return Say.say("value.doubles", d.values().length);
        }
        if (v instanceof Value.Num) {
            return Say.say("value.number");
        }
        if (v instanceof Value.Dict) {
            return Say.say("value.map");
        }
        return v instanceof Value.Struct s ? Say.say("value.record", s.type()) : Say.say("value.nothing");
    }

    /** The method's name as feedback writes it, e.g. {@code E3ForgetGate.forgetGate}. */
    public static String name(GradedExercise e, Method m) {
        return e.className() + "." + m.getName();
    }
}
