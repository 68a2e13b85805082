package dev.cotangent.graph.compile;

import dev.cotangent.kernel.BinaryKernel;
import dev.cotangent.kernel.UnaryKernel;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The bytecode generator of one-element loops: a kernel's packed straight-line instructions (opcode, a, b, dst) become
 * static methods of {@value #CHUNK} instructions each over the register file, {@value #METHODS} methods to a hidden
 * class (so every method stays far below HotSpot's 8,000-byte limit for JIT compilation and every constant pool
 * small). The classes are defined with {@link MethodHandles.Lookup#defineHiddenClass} without the strong option:
 * only the kernel holding the code keeps them alive, and they are unloaded with it. Programs shorter than
 * {@link #MIN_OPS} instructions stay with the interpreter (see docs/jit.md for the measurement behind it).
 */
final class ScalarCodegen {
    /** Instructions per generated method: about 16-18 bytes each, so a method is under 5 KB of bytecode. */
    static final int CHUNK = 256;
    /** Generated methods per hidden class. */
    static final int METHODS = 64;
    /** The fewest instructions worth generating code for (override: {@code -Dcotangent.jit.codegenMinOps=N}). */
    static final int MIN_OPS = Integer.getInteger("cotangent.jit.codegenMinOps", 64);
    private static final String NAME = "dev/cotangent/graph/compile/GeneratedStraightLine";
    private static final String OPS = "dev/cotangent/graph/compile/ScalarOps";
    private static final int ADD = Kernel.BINARY * 64 + BinaryKernel.Fn.ADD.ordinal();
    private static final int SUB = Kernel.BINARY * 64 + BinaryKernel.Fn.SUB.ordinal();
    private static final int MUL = Kernel.BINARY * 64 + BinaryKernel.Fn.MUL.ordinal();
    private static final int DIV = Kernel.BINARY * 64 + BinaryKernel.Fn.DIV.ordinal();
    private static final int NEG = Kernel.UNARY * 64 + UnaryKernel.Fn.NEG.ordinal();

    private ScalarCodegen() {}

    /**
     * Generated code for the packed instructions (four ints each), or null when there are fewer than
     * {@link #MIN_OPS} of them or the code cannot be defined (the caller then interprets).
     */
    static StraightLine of(int[] packed) {
        int n = packed.length / 4;
        if (n < MIN_OPS) return null;
        try {
            int perClass = CHUNK * METHODS;
            int classes = (n + perClass - 1) / perClass;
            StraightLine[] parts = new StraightLine[classes];
            for (int c = 0; c < classes; c++) {
                parts[c] = define(packed, c * perClass, Math.min(n, (c + 1) * perClass));
            }
            return classes == 1 ? parts[0] : new StraightLine.Chain(parts);
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    /** One hidden class running instructions {@code from} (inclusive) to {@code to} (exclusive). */
    private static StraightLine define(int[] packed, int from, int to) throws ReflectiveOperationException {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, NAME, null, "java/lang/Object",
                new String[] {"dev/cotangent/graph/compile/StraightLine"});
        MethodVisitor init = cw.visitMethod(0, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        MethodVisitor run = cw.visitMethod(Opcodes.ACC_PUBLIC, "execute", "([D)V", null, null);
        run.visitCode();
        int m = 0;
        for (int s = from; s < to; s += CHUNK, m++) {
            chunk(cw, "c" + m, packed, s, Math.min(to, s + CHUNK));
            run.visitVarInsn(Opcodes.ALOAD, 1);
            run.visitMethodInsn(Opcodes.INVOKESTATIC, NAME, "c" + m, "([D)V", false);
        }
        run.visitInsn(Opcodes.RETURN);
        run.visitMaxs(0, 0);
        run.visitEnd();
        cw.visitEnd();
        MethodHandles.Lookup h = MethodHandles.lookup().defineHiddenClass(cw.toByteArray(), true);
        try {
            return (StraightLine) h.findConstructor(h.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (ReflectiveOperationException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("jit: cannot instantiate generated straight-line code", t);
        }
    }

    /** A static method {@code name(double[] r)} running instructions {@code from} to {@code to}. */
    private static void chunk(ClassWriter cw, String name, int[] packed, int from, int to) {
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC, name, "([D)V", null, null);
        mv.visitCode();
        for (int j = from; j < to; j++) {
            int c = packed[4 * j];
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            push(mv, packed[4 * j + 3]);
            if (c < 64 && c != NEG) push(mv, c);
            if (c >= 64 && c != ADD && c != SUB && c != MUL && c != DIV) push(mv, c - 64);
            load(mv, packed[4 * j + 1]);
            if (c >= 64) load(mv, packed[4 * j + 2]);
            if (c == ADD) {
                mv.visitInsn(Opcodes.DADD);
            } else if (c == SUB) {
                mv.visitInsn(Opcodes.DSUB);
            } else if (c == MUL) {
                mv.visitInsn(Opcodes.DMUL);
            } else if (c == DIV) {
                mv.visitInsn(Opcodes.DDIV);
            } else if (c == NEG) {
                mv.visitInsn(Opcodes.DNEG);
            } else if (c < 64) {
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, "unary", "(ID)D", false);
            } else {
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, "binary", "(IDD)D", false);
            }
            mv.visitInsn(Opcodes.DASTORE);
        }
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** Pushes {@code r[reg]}. */
    private static void load(MethodVisitor mv, int reg) {
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        push(mv, reg);
        mv.visitInsn(Opcodes.DALOAD);
    }

    private static void push(MethodVisitor mv, int v) {
        if (v >= -1 && v <= 5) {
            mv.visitInsn(Opcodes.ICONST_0 + v);
        } else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
            mv.visitIntInsn(Opcodes.BIPUSH, v);
        } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
            mv.visitIntInsn(Opcodes.SIPUSH, v);
        } else {
            mv.visitLdcInsn(v);
        }
    }
}
