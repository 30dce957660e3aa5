package dev.outrigger.agent;

import dev.outrigger.bootstrap.Hooks;
import java.io.IOException;
import java.io.InputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.SimpleRemapper;

/**
 * Applies a {@link ClientHook} to a class's bytes with ASM: before each {@code areturn} of the hooked method it
 * inserts one call, {@code answer = (T) Hooks.exit(answer, ThisClass.class, this, firstArgument)}. The code added has
 * no branches, so the class's stack map frames stay valid and no class is loaded to weave. The hook class itself is
 * handed to {@link Hooks}, renamed into the woven class's package, where it is defined on its first call.
 */
final class Weaver {
    private static final String HOOKS = Type.getInternalName(Hooks.class);
    private static final String EXIT = "(Ljava/lang/Object;Ljava/lang/Class;Ljava/lang/Object;Ljava/lang/Object;)"
            + "Ljava/lang/Object;";

    private Weaver() {
    }

    /** @return the woven class file, or {@code null} to leave the class as it is (logged) */
    static byte[] weave(ClientHook hook, byte[] classFile, AgentLog log) throws IOException {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        ExitCalls exitCalls = new ExitCalls(writer, hook);
        reader.accept(exitCalls, 0);
        if (exitCalls.woven == 0) {
            log.warn(hook.library() + ": not redirected, this version has no " + hook.typeName() + "."
                    + hook.methodName() + " returning " + hook.returnTypeName());
            return null;
        }
        String hookName = hook.internalName().substring(0, hook.internalName().lastIndexOf('/') + 1)
                + "Outrigger" + hook.hookName().substring(hook.hookName().lastIndexOf('.') + 1);
        Hooks.register(hook.typeName(), hookName.replace('/', '.'), renamed(hook.hookName(), hookName));
        log.info(hook.library() + ": plain http:// calls go to the sidecar");
        return writer.toByteArray();
    }

    /** The hook's class file, as read from the agent jar, renamed to {@code newInternalName}. */
    private static byte[] renamed(String hookClassName, String newInternalName) throws IOException {
        String internalName = hookClassName.replace('.', '/');
        byte[] original;
        try (InputStream in = Weaver.class.getClassLoader().getResourceAsStream(internalName + ".class")) {
            if (in == null) {
                throw new IOException("no class file for " + hookClassName);
            }
            original = in.readAllBytes();
        }
        ClassWriter writer = new ClassWriter(0);
        new ClassReader(original).accept(new ClassRemapper(writer, new SimpleRemapper(internalName, newInternalName)),
                0);
        return writer.toByteArray();
    }

    /** Finds the hooked methods (by name and return type) and adds the exit call to each. */
    private static final class ExitCalls extends ClassVisitor {
        private final ClientHook hook;
        private final String returnDescriptor;
        private String owner;
        private boolean classConstants;
        private int woven;

        ExitCalls(ClassVisitor next, ClientHook hook) {
            super(Opcodes.ASM9, next);
            this.hook = hook;
            this.returnDescriptor = "L" + hook.returnTypeName().replace('.', '/') + ";";
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                          String[] interfaces) {
            owner = name;
            classConstants = (version & 0xFFFF) >= Opcodes.V1_5;
            super.visit(version, access, name, signature, superName, interfaces);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
            Type method = Type.getMethodType(descriptor);
            boolean hooked = name.equals(hook.methodName())
                    && method.getReturnType().getDescriptor().equals(returnDescriptor)
                    && (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0
                    && classConstants; // ldc of a class needs Java 5 class files
            if (!hooked) {
                return next;
            }
            woven++;
            boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
            Type[] arguments = method.getArgumentTypes();
            boolean passArgument = arguments.length > 0 && arguments[0].getSort() >= Type.ARRAY;
            return new MethodVisitor(Opcodes.ASM9, next) {
                @Override
                public void visitInsn(int opcode) {
                    if (opcode == Opcodes.ARETURN) {
                        super.visitLdcInsn(Type.getObjectType(owner));
                        if (isStatic) {
                            super.visitInsn(Opcodes.ACONST_NULL);
                        } else {
                            super.visitVarInsn(Opcodes.ALOAD, 0);
                        }
                        if (passArgument) {
                            super.visitVarInsn(Opcodes.ALOAD, isStatic ? 0 : 1);
                        } else {
                            super.visitInsn(Opcodes.ACONST_NULL);
                        }
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "exit", EXIT, false);
                        super.visitTypeInsn(Opcodes.CHECKCAST, method.getReturnType().getInternalName());
                    }
                    super.visitInsn(opcode);
                }
            };
        }
    }
}
