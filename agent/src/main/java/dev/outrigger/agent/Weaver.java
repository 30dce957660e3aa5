package dev.outrigger.agent;

import dev.outrigger.bootstrap.Hooks;
import dev.outrigger.bootstrap.OnEntry;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Applies a {@link ClientHook} to a class's bytes with ASM. For an {@code OnExit} hook it inserts, before each
 * {@code areturn} of the hooked method, {@code answer = (T) Hooks.exit(answer, ThisClass.class, "pkg.Hook", this,
 * firstArgument)} (a {@code boolean} answer goes in and comes out boxed); for an {@link OnEntry} hook, at the
 * method's start, {@code firstArgument = (A) Hooks.enter(firstArgument, ThisClass.class, "pkg.Hook", this,
 * secondArgument)}. The code added has no branches, so the class's stack map frames stay valid and no class is
 * loaded to weave. The hook class itself is handed to {@link Hooks}, renamed into the woven class's package, where it
 * is defined on its first call. JDK classes cannot see {@link Hooks}: a hook on one of them
 * ({@link ClientHook#throughDefaultSelector()}) calls the agent's default {@code ProxySelector} as a JDK
 * {@code BiFunction} instead.
 */
final class Weaver {
    private static final String HOOKS = Type.getInternalName(Hooks.class);
    private static final String ON_ENTRY = Type.getInternalName(OnEntry.class);
    private static final String EXIT = "(Ljava/lang/Object;Ljava/lang/Class;Ljava/lang/String;Ljava/lang/Object;"
            + "Ljava/lang/Object;)Ljava/lang/Object;";
    private static final String BOOLEAN = "java/lang/Boolean";
    private static final String BOX = "(Z)Ljava/lang/Boolean;";
    private static final String SELECTOR = "java/net/ProxySelector";
    private static final String GET_DEFAULT = "()Ljava/net/ProxySelector;";
    private static final String BI_FUNCTION = "java/util/function/BiFunction";
    private static final String APPLY = "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;";
    private static final String ENTER = "(Ljava/lang/Object;Ljava/lang/Class;Ljava/lang/String;Ljava/lang/Object;"
            + "Ljava/lang/Object;)Ljava/lang/Object;";

    private Weaver() {
    }

    /** @return the woven class file, or {@code null} to leave the class as it is (logged) */
    static byte[] weave(ClientHook hook, byte[] classFile, AgentLog log) throws IOException {
        boolean throughSelector = hook.throughDefaultSelector();
        HookClassFile hookClassFile = throughSelector ? null : new HookClassFile(classFileOf(hook.hookName()));
        String hookName = throughSelector ? null : hook.internalName().substring(0,
                hook.internalName().lastIndexOf('/') + 1) + "Outrigger"
                + hook.hookName().substring(hook.hookName().lastIndexOf('.') + 1);
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        HookCalls calls = new HookCalls(writer, hook, throughSelector ? null : hookName.replace('/', '.'),
                throughSelector || hookClassFile.superName().equals(ON_ENTRY));
        reader.accept(calls, 0);
        if (calls.woven == 0) {
            String missing = hook.typeName() + "." + hook.methodName()
                    + (hook.parameterTypeNames() == null ? "" : hook.parameterTypeNames())
                    + " returning " + hook.returnTypeName();
            if (hook.oneOfVersions()) {
                log.info(hook.library() + ": not woven, no " + missing + ", which is another version's");
            } else {
                log.warn(hook.library() + ": " + hook.skipped() + ", this version has no " + missing);
            }
            return null;
        }
        if (!throughSelector) {
            Hooks.register(hookName.replace('/', '.'), hookClassFile.renamed(hook.hookName().replace('.', '/'),
                    hookName));
        }
        log.info(hook.library() + ": " + hook.effect());
        return writer.toByteArray();
    }

    private static byte[] classFileOf(String className) throws IOException {
        try (InputStream in = Weaver.class.getClassLoader().getResourceAsStream(className.replace('.', '/')
                + ".class")) {
            if (in == null) {
                throw new IOException("no class file for " + className);
            }
            return in.readAllBytes();
        }
    }


    /** Finds the hooked methods (by name, return type and, if given, parameter types) and adds the call to each. */
    private static final class HookCalls extends ClassVisitor {
        private final ClientHook hook;
        private final String hookName;
        private final boolean onEntry;
        private String owner;
        private boolean classConstants;
        private int woven;

        HookCalls(ClassVisitor next, ClientHook hook, String hookName, boolean onEntry) {
            super(Opcodes.ASM9, next);
            this.hook = hook;
            this.hookName = hookName;
            this.onEntry = onEntry;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                          String[] interfaces) {
            owner = name;
            classConstants = (version & 0xFFFF) >= Opcodes.V1_5; // ldc of a class needs Java 5 class files
            super.visit(version, access, name, signature, superName, interfaces);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
            Type method = Type.getMethodType(descriptor);
            Type[] arguments = method.getArgumentTypes();
            boolean referenceArgument = arguments.length > 0 && arguments[0].getSort() >= Type.ARRAY;
            boolean throughSelector = hook.throughDefaultSelector();
            if (!classConstants || !name.equals(hook.methodName()) || name.equals("<init>") || !matches(method)
                    || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0
                    || (onEntry && !referenceArgument && !throughSelector)) {
                return next;
            }
            woven++;
            boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
            int firstArgument = isStatic ? 0 : 1;
            return new MethodVisitor(Opcodes.ASM9, next) {
                @Override
                public void visitCode() {
                    super.visitCode();
                    if (throughSelector) {
                        selectorCall();
                    } else if (onEntry) {
                        super.visitVarInsn(Opcodes.ALOAD, firstArgument);
                        List<Integer> passed = hook.passedArguments();
                        if (passed == null) {
                            wovenHookAndSelf();
                            argument(1);
                        } else {
                            wovenHook();
                            argument(passed.get(0));
                            argument(passed.get(1));
                        }
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "enter", ENTER, false);
                        super.visitTypeInsn(Opcodes.CHECKCAST, arguments[0].getInternalName());
                        super.visitVarInsn(Opcodes.ASTORE, firstArgument);
                    }
                }

                @Override
                public void visitInsn(int opcode) {
                    boolean returnsBoolean = method.getReturnType().getSort() == Type.BOOLEAN;
                    if (!onEntry && (opcode == Opcodes.ARETURN || opcode == Opcodes.IRETURN && returnsBoolean)) {
                        if (returnsBoolean) {
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, BOOLEAN, "valueOf", BOX, false);
                        }
                        wovenHookAndSelf();
                        if (referenceArgument) {
                            super.visitVarInsn(Opcodes.ALOAD, firstArgument);
                        } else {
                            super.visitInsn(Opcodes.ACONST_NULL);
                        }
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "exit", EXIT, false);
                        if (returnsBoolean) {
                            super.visitTypeInsn(Opcodes.CHECKCAST, BOOLEAN);
                            super.visitMethodInsn(Opcodes.INVOKEVIRTUAL, BOOLEAN, "booleanValue", "()Z", false);
                        } else {
                            super.visitTypeInsn(Opcodes.CHECKCAST, method.getReturnType().getInternalName());
                        }
                    }
                    super.visitInsn(opcode);
                }

                /**
                 * {@code if (ProxySelector.getDefault() instanceof BiFunction f) firstArgument = (A) f.apply(this,
                 * firstArgument);} (or the two arguments the hook says it is passed), for classes that cannot see the
                 * agent (the JDK's): the only branch joins where
                 * the method began, whose frame is known without analysis, so one frame the same as the method's
                 * first is enough; a nop after it keeps it apart from a frame the method's own first instruction
                 * may have.
                 */
                private void selectorCall() {
                    Label join = new Label();
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, SELECTOR, "getDefault", GET_DEFAULT, false);
                    super.visitTypeInsn(Opcodes.INSTANCEOF, BI_FUNCTION);
                    super.visitJumpInsn(Opcodes.IFEQ, join);
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, SELECTOR, "getDefault", GET_DEFAULT, false);
                    super.visitTypeInsn(Opcodes.CHECKCAST, BI_FUNCTION);
                    List<Integer> passed = hook.passedArguments();
                    if (passed == null) {
                        self();
                        argument(0);
                    } else {
                        argument(passed.get(0));
                        argument(passed.get(1));
                    }
                    super.visitMethodInsn(Opcodes.INVOKEINTERFACE, BI_FUNCTION, "apply", APPLY, true);
                    if (referenceArgument) {
                        super.visitTypeInsn(Opcodes.CHECKCAST, arguments[0].getInternalName());
                        super.visitVarInsn(Opcodes.ASTORE, firstArgument);
                    } else {
                        super.visitInsn(Opcodes.POP);
                    }
                    super.visitLabel(join);
                    super.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
                    super.visitInsn(Opcodes.NOP);
                }

                private void self() {
                    if (isStatic) {
                        super.visitInsn(Opcodes.ACONST_NULL);
                    } else {
                        super.visitVarInsn(Opcodes.ALOAD, 0);
                    }
                }

                private void wovenHookAndSelf() {
                    wovenHook();
                    self();
                }

                private void wovenHook() {
                    super.visitLdcInsn(Type.getObjectType(owner));
                    super.visitLdcInsn(hookName);
                }

                /** Loads the method's argument {@code index}, or {@code null} for a primitive or missing one. */
                private void argument(int index) {
                    if (index >= arguments.length || arguments[index].getSort() < Type.ARRAY) {
                        super.visitInsn(Opcodes.ACONST_NULL);
                        return;
                    }
                    int slot = firstArgument;
                    for (int i = 0; i < index; i++) {
                        slot += arguments[i].getSize();
                    }
                    super.visitVarInsn(Opcodes.ALOAD, slot);
                }
            };
        }

        private boolean matches(Type method) {
            if (!method.getReturnType().getClassName().equals(hook.returnTypeName())) {
                return false;
            }
            List<String> parameters = hook.parameterTypeNames();
            if (parameters == null) {
                return true;
            }
            Type[] arguments = method.getArgumentTypes();
            if (arguments.length != parameters.size()) {
                return false;
            }
            for (int i = 0; i < arguments.length; i++) {
                if (!arguments[i].getClassName().equals(parameters.get(i))) {
                    return false;
                }
            }
            return true;
        }
    }
}
