package io.jynamo.internal.metadata;

import io.jynamo.internal.convert.PlainReads;
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
 * Sets an entity's attributes from an item, in code generated once per entity: one straight sequence of
 * {@code item.get(name)}, read, set for each attribute, as a hand-written mapping would be.
 *
 * <p>The generic way ({@link AttributeMeta#read} in a loop) calls every attribute's setter through a method
 * handle the JIT cannot see as a constant, and boxes every number on its way from codec to setter: reading an
 * item took twice what hand-written code takes. The generated class holds each setter in a {@code static final}
 * field, which the JIT inlines like a direct assignment, and reads Strings and primitives through
 * {@link PlainReads} without a box. Any other attribute (a converter, an embeddable, a collection, a part of an
 * embedded id) is read by its {@link AttributeMeta#read} as before.
 *
 * <p>A loader has no error handling of its own: when it throws, {@link EntityMeta#load} runs the generic way
 * again, which names the attribute and item that could not be read.
 */
interface ItemLoader {

    void load(Object entity, Map<String, AttributeValue> item);

    /** The loader of these attributes, or {@code null} when its class cannot be defined here. */
    static ItemLoader of(List<AttributeMeta> attributes) {
        List<Object> constants = new ArrayList<>();
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        String name = Type.getInternalName(ItemLoader.class) + "$Generated";
        cw.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, name, null, "java/lang/Object",
                new String[]{Type.getInternalName(ItemLoader.class)});

        MethodVisitor load = cw.visitMethod(Opcodes.ACC_PUBLIC, "load",
                Type.getMethodDescriptor(Type.VOID_TYPE, Type.getType(Object.class), Type.getType(Map.class)), null, null);
        load.visitCode();
        for (AttributeMeta a : attributes) {
            String reader = PlainReads.readerOf(a.codec(), a.javaType());
            MethodHandle setter = reader == null ? null : a.accessor().exactSetter(a.javaType());
            String field = "c" + constants.size();
            constants.add(setter != null ? setter : a);
            Type constantType = Type.getType(setter != null ? MethodHandle.class : AttributeMeta.class);
            cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, field,
                    constantType.getDescriptor(), null, null).visitEnd();
            load.visitFieldInsn(Opcodes.GETSTATIC, name, field, constantType.getDescriptor());
            load.visitVarInsn(Opcodes.ALOAD, 1);
            load.visitVarInsn(Opcodes.ALOAD, 2);
            load.visitLdcInsn(a.storedName());
            load.visitMethodInsn(Opcodes.INVOKEINTERFACE, "java/util/Map", "get", "(Ljava/lang/Object;)Ljava/lang/Object;", true);
            load.visitTypeInsn(Opcodes.CHECKCAST, Type.getInternalName(AttributeValue.class));
            if (setter != null) {
                Type value = Type.getType(a.javaType());
                load.visitMethodInsn(Opcodes.INVOKESTATIC, Type.getInternalName(PlainReads.class), reader,
                        Type.getMethodDescriptor(value, Type.getType(AttributeValue.class)), false);
                load.visitMethodInsn(Opcodes.INVOKEVIRTUAL, Type.getInternalName(MethodHandle.class), "invokeExact",
                        Type.getMethodDescriptor(Type.VOID_TYPE, Type.getType(Object.class), value), false);
            } else {
                load.visitMethodInsn(Opcodes.INVOKEVIRTUAL, Type.getInternalName(AttributeMeta.class), "read",
                        Type.getMethodDescriptor(Type.VOID_TYPE, Type.getType(Object.class), Type.getType(AttributeValue.class)), false);
            }
        }
        load.visitInsn(Opcodes.RETURN);
        load.visitMaxs(0, 0);
        load.visitEnd();

        // The constants come in as the class's data: <clinit> copies them into the static final fields.
        MethodVisitor init = cw.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
        init.visitCode();
        init.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/invoke/MethodHandles", "lookup",
                "()Ljava/lang/invoke/MethodHandles$Lookup;", false);
        init.visitLdcInsn("_");
        init.visitLdcInsn(Type.getType(List.class));
        init.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/invoke/MethodHandles", "classData",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;)Ljava/lang/Object;", false);
        init.visitTypeInsn(Opcodes.CHECKCAST, "java/util/List");
        init.visitVarInsn(Opcodes.ASTORE, 0);
        for (int i = 0; i < constants.size(); i++) {
            Type constantType = Type.getType(constants.get(i) instanceof MethodHandle ? MethodHandle.class : AttributeMeta.class);
            init.visitVarInsn(Opcodes.ALOAD, 0);
            init.visitLdcInsn(i);
            init.visitMethodInsn(Opcodes.INVOKEINTERFACE, "java/util/List", "get", "(I)Ljava/lang/Object;", true);
            init.visitTypeInsn(Opcodes.CHECKCAST, constantType.getInternalName());
            init.visitFieldInsn(Opcodes.PUTSTATIC, name, "c" + i, constantType.getDescriptor());
        }
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        MethodVisitor constructor = cw.visitMethod(0, "<init>", "()V", null, null);
        constructor.visitCode();
        constructor.visitVarInsn(Opcodes.ALOAD, 0);
        constructor.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        constructor.visitInsn(Opcodes.RETURN);
        constructor.visitMaxs(0, 0);
        constructor.visitEnd();
        cw.visitEnd();

        try {
            MethodHandles.Lookup generated = MethodHandles.lookup()
                    .defineHiddenClassWithClassData(cw.toByteArray(), List.copyOf(constants), true);
            return (ItemLoader) generated.findConstructor(generated.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (Throwable e) {
            // A security manager or an unusual class loader: the generic way still works, only slower.
            System.getLogger(ItemLoader.class.getName()).log(System.Logger.Level.DEBUG,
                    "No generated item loader; items are read attribute by attribute", e);
            return null;
        }
    }
}
