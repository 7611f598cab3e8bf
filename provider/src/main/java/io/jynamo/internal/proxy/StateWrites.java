package io.jynamo.internal.proxy;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which methods of an entity's classes assign its state fields directly, read from their bytecode once
 * per proxy plan. A method that looks like a pure getter may still assign a field (a counter, a value
 * computed on first read), and a static method can assign the fields of any instance: neither goes
 * through a hook that records the change, so the plan must know.
 */
final class StateWrites {

    /** Methods, as {@code owner#name+descriptor} (internal owner name), that assign a state field. */
    private final Set<String> writers = new HashSet<>();
    /** Static methods that assign a state field, as {@code Class.method()}. */
    private final Set<String> staticWriters = new HashSet<>();

    private StateWrites() {
    }

    /**
     * Reads the classes of {@code hierarchy} (the entity first). A class whose bytecode cannot be read
     * contributes nothing: the plan then trusts its method names, as without this analysis.
     */
    static StateWrites of(List<Class<?>> hierarchy, List<Field> stateFields) {
        Set<String> fields = new HashSet<>();
        for (Field f : stateFields) {
            fields.add(internal(f.getDeclaringClass()) + "." + f.getName());
        }
        Set<String> owners = new HashSet<>();
        for (Class<?> c : hierarchy) {
            owners.add(internal(c));
        }
        StateWrites result = new StateWrites();
        // Calls that do not go through the proxy (private, static, final or super calls) run their
        // callee's assignments as part of the caller.
        Map<String, Set<String>> directCalls = new HashMap<>();
        Map<String, String> staticNames = new HashMap<>();
        for (Class<?> c : hierarchy) {
            byte[] bytes = bytes(c);
            if (bytes == null) {
                continue;
            }
            String owner = internal(c);
            new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    String method = owner + "#" + name + descriptor;
                    if ((access & Opcodes.ACC_STATIC) != 0 && !name.equals("<clinit>") && (access & Opcodes.ACC_SYNTHETIC) == 0) {
                        staticNames.put(method, c.getName() + "." + name + "()");
                    }
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitFieldInsn(int opcode, String fieldOwner, String field, String fieldDescriptor) {
                            if (opcode == Opcodes.PUTFIELD && fields.contains(fieldOwner + "." + field)) {
                                result.writers.add(method);
                            }
                        }

                        @Override
                        public void visitMethodInsn(int opcode, String calleeOwner, String callee, String calleeDescriptor,
                                                    boolean isInterface) {
                            if (owners.contains(calleeOwner) && !callee.equals("<init>") && (opcode == Opcodes.INVOKESPECIAL || opcode == Opcodes.INVOKESTATIC
                                    || opcode == Opcodes.INVOKEVIRTUAL && !overridable(c, callee, calleeDescriptor))) {
                                directCalls.computeIfAbsent(method, k -> new HashSet<>())
                                        .add(calleeOwner + "#" + callee + calleeDescriptor);
                            }
                        }

                        @Override
                        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
                            // A lambda's body is a synthetic method of the class, run on behalf of this one.
                            for (Object a : arguments) {
                                if (a instanceof Handle h && owners.contains(h.getOwner()) && !h.getName().equals("<init>")) {
                                    directCalls.computeIfAbsent(method, k -> new HashSet<>())
                                            .add(h.getOwner() + "#" + h.getName() + h.getDesc());
                                }
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        }
        Deque<String> pending = new ArrayDeque<>(result.writers);
        Map<String, Set<String>> callers = new HashMap<>();
        directCalls.forEach((caller, callees) -> callees.forEach(callee ->
                callers.computeIfAbsent(callee, k -> new HashSet<>()).add(caller)));
        while (!pending.isEmpty()) {
            for (String caller : callers.getOrDefault(pending.pop(), Set.of())) {
                if (result.writers.add(caller)) {
                    pending.push(caller);
                }
            }
        }
        staticNames.forEach((method, shown) -> {
            if (result.writers.contains(method)) {
                result.staticWriters.add(shown);
            }
        });
        return result;
    }

    /** Whether the method of that class assigns a state field, itself or through calls that bypass the proxy. */
    boolean writes(Class<?> declaring, String nameAndDescriptor) {
        return writers.contains(internal(declaring) + "#" + nameAndDescriptor);
    }

    /** Static methods that assign state fields: changes no hook can see. */
    Set<String> staticWriters() {
        return staticWriters;
    }

    private static boolean overridable(Class<?> c, String name, String descriptor) {
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (java.lang.reflect.Method m : k.getDeclaredMethods()) {
                if (m.getName().equals(name) && descriptor.equals(java.lang.invoke.MethodType
                        .methodType(m.getReturnType(), m.getParameterTypes()).toMethodDescriptorString())) {
                    int mod = m.getModifiers();
                    return !java.lang.reflect.Modifier.isPrivate(mod) && !java.lang.reflect.Modifier.isFinal(mod)
                            && !java.lang.reflect.Modifier.isStatic(mod);
                }
            }
        }
        return true;
    }

    private static String internal(Class<?> c) {
        return c.getName().replace('.', '/');
    }

    private static byte[] bytes(Class<?> c) {
        String resource = internal(c) + ".class";
        ClassLoader loader = c.getClassLoader();
        try (InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(resource) : loader.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
