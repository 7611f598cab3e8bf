package io.jynamo.internal.metadata;

import io.jynamo.internal.convert.PlainValues;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Moves an entity's attributes between the entity and an item, in code generated once per entity: for each
 * attribute one straight sequence (get, convert, put; or get, convert, set), as a hand-written mapping would be.
 *
 * <p>The generic way ({@link AttributeMeta#read} and {@link AttributeMeta#write} in a loop) calls every getter and
 * setter through a method handle the JIT cannot see as a constant, and boxes every number between accessor and
 * codec: reading an item took twice what hand-written code takes. The generated class holds each handle in a
 * {@code static final} field, which the JIT inlines like a direct field access or call, and converts Strings and
 * primitives through {@link PlainValues} without a box. Any other attribute (a converter, an embeddable, a
 * collection, a part of an embedded id) goes through its {@link AttributeMeta} as before.
 *
 * <p>The code has no error handling of its own: {@link EntityMeta} names the attribute a stored value of which does
 * not fit by converting the values again (no setter runs twice), and wraps a checked exception of a getter or setter.
 */
interface ItemCode {

    /** Sets every attribute of {@code entity} from {@code item}. */
    void load(Object entity, Map<String, AttributeValue> item);

    /**
     * Puts every attribute of {@code entity} that has a value into {@code item}. A plain String attribute whose
     * value {@code known} (a key or an item, or {@code null}) holds already is put as that same {@code AttributeValue}
     * (an equal one, made again, where no code is generated): the flush of a changed entity writes its key and its
     * unchanged text as the context has them, without making the values again, and compares them with the snapshot
     * by identity.
     */
    void write(Object entity, Map<String, AttributeValue> item, Map<String, AttributeValue> known);

    /** For the generated code: an absent value is not put. */
    static void putPresent(Map<String, AttributeValue> item, String name, AttributeValue value) {
        if (value != null) {
            item.put(name, value);
        }
    }

    /**
     * For the generated code: the value of a plain String attribute, the one {@code known} (a key or an item, or
     * {@code null}) holds under {@code name} when that holds this String already.
     */
    static AttributeValue knownString(String value, Map<String, AttributeValue> known, String name) {
        AttributeValue k = known == null ? null : known.get(name);
        return value != null && k != null && value.equals(k.s()) ? k : PlainValues.ofString(value);
    }

    /** Whether the generated code converts this attribute itself (a String or a primitive of the common codec). */
    static boolean converts(AttributeMeta a) {
        return PlainValues.convertersOf(a.codec(), a.javaType()) != null;
    }

    /** The code of these attributes, or {@code null} when its class cannot be defined here. */
    static ItemCode of(List<AttributeMeta> attributes) {
        try {
            Generator g = new Generator(attributes);
            MethodHandles.Lookup generated = MethodHandles.lookup().defineHiddenClassWithClassData(g.bytes(), g.constants, true);
            return (ItemCode) generated.findConstructor(generated.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            // A security policy or an unusual attribute: the generic way still works, only slower.
            System.getLogger(ItemCode.class.getName()).log(System.Logger.Level.INFO, () -> "No generated item code for "
                    + attributes.size() + " attributes (" + e + "); they are read and written one by one, which is slower");
            return null;
        }
    }

    /**
     * Writes the class. Its constants (per attribute: the getter and setter handles of a plain one, else the
     * {@link AttributeMeta}) come in as the class's data, copied into static final fields by {@code <clinit>}.
     */
    final class Generator {

        private static final String NAME = Type.getInternalName(ItemCode.class) + "$Generated";
        private static final String MAP = Type.getInternalName(Map.class);
        private static final Type VALUE = Type.getType(AttributeValue.class);
        private static final Type OBJECT = Type.getType(Object.class);
        private static final Type HANDLE = Type.getType(MethodHandle.class);
        private static final Type META = Type.getType(AttributeMeta.class);

        private final List<AttributeMeta> attributes;
        /** Per attribute, in order: its getter and setter handles when it is plain, else itself. */
        private final List<Object> constants;
        private final ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);

        private Generator(List<AttributeMeta> attributes) {
            this.attributes = attributes;
            this.constants = constants(attributes);
        }

        private static List<Object> constants(List<AttributeMeta> attributes) {
            List<Object> constants = new ArrayList<>();
            for (AttributeMeta a : attributes) {
                MethodHandle getter = converts(a) ? a.accessor().exactGetter(a.javaType()) : null;
                MethodHandle setter = converts(a) ? a.accessor().exactSetter(a.javaType()) : null;
                if (getter != null && setter != null) {
                    constants.add(getter);
                    constants.add(setter);
                } else {
                    constants.add(a);
                }
            }
            return List.copyOf(constants);
        }

        byte[] bytes() {
            cw.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, NAME, null, "java/lang/Object",
                    new String[]{Type.getInternalName(ItemCode.class)});
            for (int i = 0; i < constants.size(); i++) {
                cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, "c" + i,
                        typeOf(constants.get(i)).getDescriptor(), null, null).visitEnd();
            }
            MethodVisitor load = method("load", Type.getType(Map.class));
            MethodVisitor write = method("write", Type.getType(Map.class), Type.getType(Map.class));
            int c = 0;
            for (AttributeMeta a : attributes) {
                String[] converters = PlainValues.convertersOf(a.codec(), a.javaType());
                boolean plain = constants.get(c) instanceof MethodHandle;
                // write: item.putPresent(name, <value>)
                write.visitVarInsn(Opcodes.ALOAD, 2);
                write.visitLdcInsn(a.storedName());
                // load: <setter or attribute>, entity, item.get(name)
                load.visitFieldInsn(Opcodes.GETSTATIC, NAME, "c" + (plain ? c + 1 : c), (plain ? HANDLE : META).getDescriptor());
                load.visitVarInsn(Opcodes.ALOAD, 1);
                load.visitVarInsn(Opcodes.ALOAD, 2);
                load.visitLdcInsn(a.storedName());
                load.visitMethodInsn(Opcodes.INVOKEINTERFACE, MAP, "get", Type.getMethodDescriptor(OBJECT, OBJECT), true);
                load.visitTypeInsn(Opcodes.CHECKCAST, VALUE.getInternalName());
                if (plain) {
                    Type type = Type.getType(a.javaType());
                    write.visitFieldInsn(Opcodes.GETSTATIC, NAME, "c" + c, HANDLE.getDescriptor());
                    write.visitVarInsn(Opcodes.ALOAD, 1);
                    write.visitMethodInsn(Opcodes.INVOKEVIRTUAL, HANDLE.getInternalName(), "invokeExact",
                            Type.getMethodDescriptor(type, OBJECT), false);
                    if (a.javaType() == String.class) {
                        // ItemCode.knownString(value, known, name)
                        write.visitVarInsn(Opcodes.ALOAD, 3);
                        write.visitLdcInsn(a.storedName());
                        write.visitMethodInsn(Opcodes.INVOKESTATIC, Type.getInternalName(ItemCode.class), "knownString",
                                Type.getMethodDescriptor(VALUE, type, Type.getType(Map.class), Type.getType(String.class)), true);
                    } else {
                        write.visitMethodInsn(Opcodes.INVOKESTATIC, Type.getInternalName(PlainValues.class), converters[1],
                                Type.getMethodDescriptor(VALUE, type), false);
                    }
                    load.visitMethodInsn(Opcodes.INVOKESTATIC, Type.getInternalName(PlainValues.class), converters[0],
                            Type.getMethodDescriptor(type, VALUE), false);
                    load.visitMethodInsn(Opcodes.INVOKEVIRTUAL, HANDLE.getInternalName(), "invokeExact",
                            Type.getMethodDescriptor(Type.VOID_TYPE, OBJECT, type), false);
                    c += 2;
                } else {
                    write.visitFieldInsn(Opcodes.GETSTATIC, NAME, "c" + c, META.getDescriptor());
                    write.visitVarInsn(Opcodes.ALOAD, 1);
                    write.visitMethodInsn(Opcodes.INVOKEVIRTUAL, META.getInternalName(), "write",
                            Type.getMethodDescriptor(VALUE, OBJECT), false);
                    load.visitMethodInsn(Opcodes.INVOKEVIRTUAL, META.getInternalName(), "read",
                            Type.getMethodDescriptor(Type.VOID_TYPE, OBJECT, VALUE), false);
                    c++;
                }
                write.visitMethodInsn(Opcodes.INVOKESTATIC, Type.getInternalName(ItemCode.class), "putPresent",
                        Type.getMethodDescriptor(Type.VOID_TYPE, Type.getType(Map.class), Type.getType(String.class), VALUE), true);
            }
            end(load);
            end(write);
            staticInit();
            MethodVisitor constructor = cw.visitMethod(0, "<init>", "()V", null, null);
            constructor.visitCode();
            constructor.visitVarInsn(Opcodes.ALOAD, 0);
            constructor.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
            end(constructor);
            cw.visitEnd();
            return cw.toByteArray();
        }

        private MethodVisitor method(String name, Type... maps) {
            Type[] parameters = new Type[maps.length + 1];
            parameters[0] = OBJECT;
            System.arraycopy(maps, 0, parameters, 1, maps.length);
            MethodVisitor m = cw.visitMethod(Opcodes.ACC_PUBLIC, name, Type.getMethodDescriptor(Type.VOID_TYPE, parameters), null, null);
            m.visitCode();
            return m;
        }

        private static void end(MethodVisitor m) {
            m.visitInsn(Opcodes.RETURN);
            m.visitMaxs(0, 0);
            m.visitEnd();
        }

        private void staticInit() {
            MethodVisitor init = cw.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
            init.visitCode();
            init.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/invoke/MethodHandles", "lookup",
                    "()Ljava/lang/invoke/MethodHandles$Lookup;", false);
            init.visitLdcInsn("_");
            init.visitLdcInsn(Type.getType(List.class));
            init.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/invoke/MethodHandles", "classData",
                    "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;)Ljava/lang/Object;", false);
            init.visitTypeInsn(Opcodes.CHECKCAST, Type.getInternalName(List.class));
            init.visitVarInsn(Opcodes.ASTORE, 0);
            for (int i = 0; i < constants.size(); i++) {
                Type type = typeOf(constants.get(i));
                init.visitVarInsn(Opcodes.ALOAD, 0);
                init.visitLdcInsn(i);
                init.visitMethodInsn(Opcodes.INVOKEINTERFACE, Type.getInternalName(List.class), "get", "(I)Ljava/lang/Object;", true);
                init.visitTypeInsn(Opcodes.CHECKCAST, type.getInternalName());
                init.visitFieldInsn(Opcodes.PUTSTATIC, NAME, "c" + i, type.getDescriptor());
            }
            end(init);
        }

        private static Type typeOf(Object constant) {
            return constant instanceof MethodHandle ? HANDLE : META;
        }
    }
}
