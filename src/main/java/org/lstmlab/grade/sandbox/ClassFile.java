package org.lstmlab.grade.sandbox;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the grader reads from a compiled class (JVMS §4): its name, the source file it came from and
 * every class it names in its constant pool — the classes it refers to, whether it calls them,
 * declares them in a signature or catches them. A class name assembled at run time for reflection is
 * not among them; the sandbox's reduced class path answers that.
 *
 * @param name the class's internal name, e.g. {@code org/lstmlab/exercises/E3ForgetGate}
 * @param sourceFile the {@code SourceFile} attribute, e.g. {@code E3ForgetGate.java}, or null
 * @param references internal names of the classes it names, its own excluded
 * @param methods the names of its methods in the order of the class file, which javac keeps from the source
 */
public record ClassFile(String name, String sourceFile, Set<String> references, List<String> methods) {
    private static final Pattern DESCRIPTOR_CLASS = Pattern.compile("L([A-Za-z_$][\\w$]*(?:/[A-Za-z_$][\\w$]*)+);");

    /** Reads a class file's bytes. @throws IOException when they are not a class file */
    public static ClassFile read(byte[] bytes) throws IOException {
        var in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classIndex = new int[count];
        for (int k = 1; k < count; k++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[k] = in.readUTF();
                case 7 -> classIndex[k] = in.readUnsignedShort();
                case 8, 16, 19, 20 -> in.readUnsignedShort(); // String, MethodType, Module, Package
                case 3, 4 -> in.readInt(); // Integer, Float
                case 5, 6 -> { // Long, Double take two slots
                    in.readLong();
                    k++;
                }
                case 9, 10, 11, 12, 17, 18 -> in.readInt(); // refs, NameAndType, Dynamic, InvokeDynamic
                case 15 -> { // MethodHandle
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant-pool tag " + tag);
            }
        }
        in.readUnsignedShort(); // access flags
        String self = utf8[classIndex[in.readUnsignedShort()]];
        in.readUnsignedShort(); // super class
        int interfaces = in.readUnsignedShort();
        in.skipBytes(2 * interfaces);
        skipMembers(in, utf8, null); // fields
        List<String> methods = new ArrayList<>();
        skipMembers(in, utf8, methods);
        String sourceFile = null;
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            String attribute = utf8[in.readUnsignedShort()];
            int length = in.readInt();
            if ("SourceFile".equals(attribute) && length == 2) {
                sourceFile = utf8[in.readUnsignedShort()];
            } else {
                in.skipBytes(length);
            }
        }
        Set<String> refs = new TreeSet<>();
        for (int k = 1; k < count; k++) {
            if (classIndex[k] != 0) {
                String n = utf8[classIndex[k]];
                if (n.startsWith("[")) {
                    addDescriptorClasses(n, refs);
                } else {
                    refs.add(n);
                }
            } else if (utf8[k] != null && utf8[k].indexOf('/') > 0) {
                addDescriptorClasses(utf8[k], refs);
            }
        }
        refs.remove(self);
        return new ClassFile(self, sourceFile, Set.copyOf(refs), List.copyOf(methods));
    }

    /** The class's name with dots, e.g. {@code org.lstmlab.exercises.E3ForgetGate}. */
    public String javaName() {
        return name.replace('/', '.');
    }

    private static void addDescriptorClasses(String descriptor, Set<String> into) {
        Matcher m = DESCRIPTOR_CLASS.matcher(descriptor);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    private static void skipMembers(DataInputStream in, String[] utf8, List<String> names) throws IOException {
        int n = in.readUnsignedShort();
        for (int k = 0; k < n; k++) {
            in.readUnsignedShort(); // access
            String name = utf8[in.readUnsignedShort()];
            in.readUnsignedShort(); // descriptor
            if (names != null) {
                names.add(name);
            }
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                in.readUnsignedShort();
                in.skipBytes(in.readInt());
            }
        }
    }
}
