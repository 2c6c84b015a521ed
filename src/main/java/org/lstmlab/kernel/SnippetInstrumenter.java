package org.lstmlab.kernel;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites the bytecode of classes compiled from cells as they are loaded: a call to
 * {@link CellGuard#check()} at every method entry and before every backward branch (so an
 * interrupt stops any loop or recursion written in the notebook, on JDKs where
 * {@code Thread.stop} no longer works), and exit calls redirected to {@link CellGuard}.
 */
public final class SnippetInstrumenter {

    private static final String GUARD = "org/lstmlab/kernel/CellGuard";

    private SnippetInstrumenter() {}

    /**
     * Returns the instrumented class file.
     *
     * @param classFile the class file bytes as javac wrote them (any version ASM 9.8 reads, up to Java 25)
     * @return the class file with stop checks and exit redirects
     */
    public static byte[] instrument(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(
                new ClassVisitor(Opcodes.ASM9, writer) {
                    @Override
                    public MethodVisitor visitMethod(
                            int access, String name, String descriptor, String signature, String[] exceptions) {
                        MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
                        boolean hasCode = (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0;
                        return hasCode ? new GuardedMethod(next) : next;
                    }
                },
                0);
        return writer.toByteArray();
    }

    /** Adds the stop checks to one method and redirects its exit calls. */
    private static final class GuardedMethod extends MethodVisitor {
        private final Set<Label> seen = new HashSet<>();

        GuardedMethod(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            check();
        }

        @Override
        public void visitLabel(Label label) {
            seen.add(label);
            super.visitLabel(label);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            if (seen.contains(label)) {
                check(); // a backward branch: the loop's next iteration
            }
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (opcode == Opcodes.INVOKESTATIC
                    && owner.equals("java/lang/System")
                    && name.equals("exit")
                    && descriptor.equals("(I)V")) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, "exit", "(I)V", false);
            } else if (opcode == Opcodes.INVOKEVIRTUAL
                    && owner.equals("java/lang/Runtime")
                    && (name.equals("exit") || name.equals("halt"))
                    && descriptor.equals("(I)V")) {
                String replacement = name.equals("exit") ? "runtimeExit" : "runtimeHalt";
                super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, replacement, "(Ljava/lang/Runtime;I)V", false);
            } else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
        }

        private void check() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, "check", "()V", false);
        }
    }
}
