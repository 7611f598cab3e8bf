package io.jynamo.internal.metadata;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Cacheable;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.MapsId;
import jakarta.persistence.PersistenceException;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLConnection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads orm.xml files (JPA 3.2 chapter 12) into a {@link MappingSource}. Each XML element becomes the
 * annotation of the same name ({@code <many-to-one>} is {@code @ManyToOne}), its attributes and nested
 * elements the annotation's members ({@code fetch="LAZY"}, {@code <join-column>} inside {@code <join-table>}),
 * and a nested element that is no member of it ({@code <column>} inside {@code <basic>}) an annotation of the
 * same field or property. What is not special here is therefore read the way its annotation is, by the
 * same readers, including elements Jynamo refuses as annotations today.
 */
final class OrmXml {

    private static final System.Logger LOG = System.getLogger(OrmXml.class.getName());
    private static final String PACKAGE = "jakarta.persistence.";
    /** Elements whose annotations Jynamo ignores as well: read past, as the annotations would be. */
    private static final Set<String> IGNORED = Set.of("description", "named-native-query", "named-stored-procedure-query",
            "sql-result-set-mapping", "named-entity-graph", "schema", "catalog");
    private static final Set<String> CALLBACKS = Set.of("pre-persist", "post-persist", "pre-remove", "post-remove",
            "pre-update", "post-update", "post-load");

    /** One element of a file, with the line it starts on. */
    private static final class Node {
        final String name;
        final Map<String, String> attributes = new LinkedHashMap<>();
        final List<Node> children = new ArrayList<>();
        final StringBuilder text = new StringBuilder();
        final int line;

        Node(String name, int line) {
            this.name = name;
            this.line = line;
        }

        String text() {
            return text.toString().trim();
        }
    }

    private final String file;
    private final Node root;
    private final ClassLoader loader;
    private final MappingSource source;
    /** Where each class was declared, across the unit's files: a second declaration is refused. */
    private final Map<Class<?>, String> declaredAt;
    private String pkg;
    private AccessType fileAccess;
    private AccessType unitAccess;

    private OrmXml(String file, Node root, ClassLoader loader, MappingSource source, Map<Class<?>, String> declaredAt) {
        this.file = file;
        this.root = root;
        this.loader = loader;
        this.source = source;
        this.declaredAt = declaredAt;
    }

    static void read(List<URL> files, ClassLoader loader, MappingSource source) {
        List<OrmXml> docs = new ArrayList<>();
        Map<Class<?>, String> declaredAt = new java.util.HashMap<>();
        for (URL url : files) {
            OrmXml doc = new OrmXml(url.toExternalForm(), parse(url), loader, source, declaredAt);
            doc.header();
            docs.add(doc);
        }
        // Unit metadata (metadata-complete, defaults) may sit in any file and applies to all of them.
        AccessType unitAccess = null;
        for (OrmXml doc : docs) {
            AccessType a = doc.unitMetadata();
            unitAccess = a != null ? a : unitAccess;
        }
        for (OrmXml doc : docs) {
            doc.unitAccess = unitAccess;
            doc.mappings();
        }
    }

    // ---- parsing -------------------------------------------------------------------------------------

    private static Node parse(URL url) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        try (InputStream in = open(url)) {
            XMLStreamReader r = factory.createXMLStreamReader(in);
            Deque<Node> open = new ArrayDeque<>();
            Node root = null;
            while (r.hasNext()) {
                switch (r.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        Node n = new Node(r.getLocalName(), r.getLocation().getLineNumber());
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            String ns = r.getAttributeNamespace(i);
                            if (ns == null || ns.isEmpty()) {
                                n.attributes.put(r.getAttributeLocalName(i), r.getAttributeValue(i).trim());
                            }
                        }
                        if (open.isEmpty()) {
                            root = n;
                        } else {
                            open.peek().children.add(n);
                        }
                        open.push(n);
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (!open.isEmpty()) {
                            open.peek().text.append(r.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> open.pop();
                    default -> {
                    }
                }
            }
            if (root == null) {
                throw new PersistenceException("Mapping file " + url + " has no root element; it must be <entity-mappings>");
            }
            return root;
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
            throw new PersistenceException("Mapping file " + url + " is not well-formed XML" + (line > 0 ? " at line " + line : "")
                    + ": " + e.getMessage().replaceFirst("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message: ", ""), e);
        } catch (IOException e) {
            throw new PersistenceException("Cannot read mapping file " + url + ": " + e, e);
        }
    }

    /** Without the JVM's jar cache: a jar rewritten between two factories would be read stale. */
    private static InputStream open(URL url) throws IOException {
        URLConnection c = url.openConnection();
        c.setUseCaches(false);
        return c.getInputStream();
    }

    private PersistenceException error(Node n, String message) {
        return new PersistenceException("Mapping file " + file + ", line " + n.line + ", <" + n.name + ">: " + message);
    }

    // ---- the document --------------------------------------------------------------------------------

    private void header() {
        if (!root.name.equals("entity-mappings")) {
            throw error(root, "is not an orm.xml document; its root element must be <entity-mappings> (namespace "
                    + "https://jakarta.ee/xml/ns/persistence/orm)");
        }
        for (Node n : root.children) {
            if (n.name.equals("package")) {
                pkg = n.text();
            } else if (n.name.equals("access")) {
                fileAccess = enumValue(n, n.text(), AccessType.class);
            }
        }
    }

    private AccessType unitMetadata() {
        AccessType access = null;
        for (Node m : children(root, "persistence-unit-metadata")) {
            for (Node n : m.children) {
                switch (n.name) {
                    case "xml-mapping-metadata-complete" -> source.allComplete();
                    case "description", "exclude-default-mappings" -> {
                    }
                    case "persistence-unit-defaults" -> {
                        for (Node d : n.children) {
                            switch (d.name) {
                                case "access" -> access = enumValue(d, d.text(), AccessType.class);
                                case "entity-listeners" -> listeners(null, d);
                                case "description", "schema", "catalog", "delimited-identifiers" -> {
                                }
                                case "cascade-persist" -> LOG.log(System.Logger.Level.WARNING, () -> "Mapping file " + file
                                        + ", line " + d.line + ": <cascade-persist> is not supported yet and is ignored");
                                default -> throw error(d, "is not an element of <persistence-unit-defaults>; Jynamo reads "
                                        + "<access> and <entity-listeners> there");
                            }
                        }
                    }
                    default -> throw error(n, "is not an element of <persistence-unit-metadata>; write "
                            + "<xml-mapping-metadata-complete/> or <persistence-unit-defaults>");
                }
            }
        }
        return access;
    }

    private void mappings() {
        for (Node n : root.children) {
            switch (n.name) {
                case "package", "access", "persistence-unit-metadata" -> {
                }
                case "named-query" -> namedQuery(n);
                case "entity", "mapped-superclass", "embeddable" -> managed(n);
                case "converter" -> converter(n);
                case "sequence-generator", "table-generator" -> throw error(n, "Jynamo reads generators declared "
                        + "inside an <entity> or its <id> only; move it there");
                default -> {
                    if (!IGNORED.contains(n.name)) {
                        throw error(n, "is not an element of <entity-mappings> Jynamo reads; write <entity>, "
                                + "<mapped-superclass>, <embeddable>, <converter> or <named-query> (see docs/mapping.md, orm.xml)");
                    }
                }
            }
        }
    }

    private void namedQuery(Node n) {
        String name = required(n, "name");
        List<Node> query = children(n, "query");
        if (query.isEmpty() || query.get(0).text().isEmpty()) {
            throw error(n, "has no query; write <query>SELECT ...</query> inside it");
        }
        String previous = source.namedQuery(name, query.get(0).text());
        if (previous != null) {
            throw error(n, "declares the named query '" + name + "' a second time; give one of them another name");
        }
    }

    private void converter(Node n) {
        Class<?> c = declare(n);
        Map<String, Object> members = new LinkedHashMap<>();
        if (n.attributes.containsKey("auto-apply")) {
            members.put("autoApply", bool(n, n.attributes.get("auto-apply")));
        }
        source.add(c, Synthesized.of(Converter.class, members));
        source.declare(c);
    }

    /** An entity, mapped superclass or embeddable. */
    private void managed(Node n) {
        Class<?> c = declare(n);
        for (String a : n.attributes.keySet()) {
            if (!Set.of("class", "access", "metadata-complete", "name", "cacheable").contains(a)
                    || !n.name.equals("entity") && Set.of("name", "cacheable").contains(a)) {
                throw error(n, "has no attribute '" + a + "'; Jynamo reads class, access, metadata-complete"
                        + (n.name.equals("entity") ? ", name and cacheable" : ""));
            }
        }
        source.declare(c);
        if (bool(n, n.attributes.getOrDefault("metadata-complete", "false"))) {
            source.complete(c);
        }
        Map<String, Object> members = new LinkedHashMap<>();
        if (n.attributes.containsKey("name")) {
            members.put("name", n.attributes.get("name"));
        }
        Class<? extends Annotation> kind = switch (n.name) {
            case "entity" -> Entity.class;
            case "mapped-superclass" -> MappedSuperclass.class;
            default -> Embeddable.class;
        };
        source.add(c, Synthesized.of(kind, members));
        if (n.attributes.containsKey("cacheable")) {
            source.add(c, Synthesized.of(Cacheable.class, Map.of("value", bool(n, n.attributes.get("cacheable")))));
        }
        AccessType access = access(n, c);
        for (Node child : n.children) {
            if (CALLBACKS.contains(child.name)) {
                callback(c, child, false);
                continue;
            }
            switch (child.name) {
                case "attributes" -> attributes(c, child, access);
                case "named-query" -> namedQuery(child);
                case "entity-listeners" -> listeners(c, child);
                default -> {
                    if (!IGNORED.contains(child.name)) {
                        attach(c, child);
                    }
                }
            }
        }
    }

    /** The class an element declares, refused if another element of the unit's files declared it already. */
    private Class<?> declare(Node n) {
        Class<?> c = type(n, required(n, "class"));
        String previous = declaredAt.putIfAbsent(c, file + ", line " + n.line);
        if (previous != null) {
            throw error(n, "declares " + c.getName() + ", which " + previous + " declares already; map each class in one "
                    + "element of one mapping file");
        }
        return c;
    }

    /**
     * The access type of a class declared in XML: its {@code access} attribute, else its own {@code @Access},
     * else the placement of its (or its superclasses') annotated {@code @Id}, else the file's or the unit's
     * default; {@code null} when none says (then the attribute elements name fields where there are fields).
     */
    private AccessType access(Node n, Class<?> c) {
        if (n.attributes.containsKey("access")) {
            AccessType a = enumValue(n, n.attributes.get("access"), AccessType.class);
            source.add(c, Synthesized.of(Access.class, Map.of("value", a)));
            return a;
        }
        Access own = source.get(c, Access.class);
        if (own != null) {
            return own.value();
        }
        AccessType placed = idPlacement(c);
        if (placed != null) {
            return placed;
        }
        AccessType fallback = fileAccess != null ? fileAccess : unitAccess;
        if (fallback != null) {
            source.add(c, Synthesized.of(Access.class, Map.of("value", fallback)));
        }
        return fallback;
    }

    /** FIELD or PROPERTY as the annotated {@code @Id} of the class or a superclass sits, or {@code null}. */
    private AccessType idPlacement(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (source.get(f, Id.class) != null || source.get(f, EmbeddedId.class) != null) {
                    return AccessType.FIELD;
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (source.get(m, Id.class) != null || source.get(m, EmbeddedId.class) != null) {
                    return AccessType.PROPERTY;
                }
            }
        }
        return null;
    }

    private void attributes(Class<?> c, Node attributes, AccessType classAccess) {
        for (Node a : attributes.children) {
            if (a.name.equals("description")) {
                continue;
            }
            String name = required(a, "name");
            AccessType access = classAccess;
            if (a.attributes.containsKey("access")) {
                access = enumValue(a, a.attributes.get("access"), AccessType.class);
            }
            AnnotatedElement member = member(c, name, access, a);
            if (a.attributes.containsKey("access")) {
                source.add(member, Synthesized.of(Access.class, Map.of("value", access)));
            }
            source.add(member, translate(a, annotation(a), member, Set.of("name", "access")));
        }
    }

    /** The field or getter an attribute element names. */
    private AnnotatedElement member(Class<?> c, String name, AccessType access, Node n) {
        Field field = null;
        for (Field f : c.getDeclaredFields()) {
            if (f.getName().equals(name)) {
                field = f;
            }
        }
        Method getter = null;
        String cap = name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (Method m : c.getDeclaredMethods()) {
            if (m.getParameterCount() == 0 && (m.getName().equals("get" + cap) || m.getName().equals("is" + cap))) {
                getter = m;
            }
        }
        AnnotatedElement found = access == AccessType.PROPERTY ? getter
                : access == AccessType.FIELD ? field
                : field != null ? field : getter;
        if (found == null) {
            throw error(n, c.getName() + " has no " + (access == AccessType.PROPERTY ? "getter" : access == AccessType.FIELD
                    ? "field" : "field or getter") + " for attribute '" + name + "'; name one that " + c.getSimpleName()
                    + " itself declares (inherited attributes are mapped where they are declared, or renamed with <attribute-override>)");
        }
        return found;
    }

    private void listeners(Class<?> owner, Node n) {
        List<Class<?>> listeners = new ArrayList<>();
        for (Node l : n.children) {
            if (l.name.equals("description")) {
                continue;
            }
            if (!l.name.equals("entity-listener")) {
                throw error(l, "is not an element of <entity-listeners>; write <entity-listener class=\"...\">");
            }
            Class<?> listener = type(l, required(l, "class"));
            listeners.add(listener);
            for (Node cb : l.children) {
                if (CALLBACKS.contains(cb.name)) {
                    callback(listener, cb, true);
                } else if (!cb.name.equals("description")) {
                    throw error(cb, "is not an element of <entity-listener>; write a callback such as "
                            + "<pre-persist method-name=\"...\"/>");
                }
            }
        }
        if (owner == null) {
            listeners.forEach(source::defaultListener);
        } else {
            source.add(owner, Synthesized.of(EntityListeners.class, Map.of("value", listeners.toArray(new Class<?>[0]))));
        }
    }

    /**
     * A callback method. It replaces the class's own annotated callback of the same event: JPA allows one
     * method per event and class.
     */
    private void callback(Class<?> c, Node n, boolean listener) {
        String name = required(n, "method-name");
        Method found = null;
        for (Method m : c.getDeclaredMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == (listener ? 1 : 0)) {
                found = m;
            }
        }
        if (found == null) {
            throw error(n, c.getName() + " declares no method " + name + "(" + (listener ? "Object entity" : "")
                    + "); a " + (listener ? "listener's" : "class's") + " callback method takes "
                    + (listener ? "the entity as its one argument" : "no argument"));
        }
        Class<? extends Annotation> type = annotation(n);
        source.overrideCallback(c, type);
        source.add(found, Synthesized.of(type, Map.of()));
    }

    // ---- elements as annotations ---------------------------------------------------------------------

    private void attach(AnnotatedElement target, Node n) {
        source.add(target, translate(n, annotation(n), target, Set.of()));
    }

    private Class<? extends Annotation> annotation(Node n) {
        StringBuilder name = new StringBuilder();
        for (String part : n.name.split("-")) {
            name.append(part.isEmpty() ? "" : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        try {
            Class<?> c = Class.forName(PACKAGE + name, false, Entity.class.getClassLoader());
            if (c.isAnnotation()) {
                return c.asSubclass(Annotation.class);
            }
        } catch (ClassNotFoundException e) {
            // not an element of the schema: said below
        }
        throw error(n, "is not an orm.xml element Jynamo reads here (see docs/mapping.md, section orm.xml)");
    }

    /**
     * The annotation an element stands for: its text the {@code value}, its attributes and the nested elements
     * the annotation has members for its members, and other nested elements annotations of {@code target}.
     */
    private <A extends Annotation> A translate(Node n, Class<A> type, AnnotatedElement target, Set<String> skip) {
        Map<String, Object> members = new LinkedHashMap<>();
        Method value = memberOf(type, "value");
        if (n.children.isEmpty() && !n.text().isEmpty() && value != null) {
            members.put("value", convert(n, n.text(), value.getReturnType()));
        }
        for (Map.Entry<String, String> a : n.attributes.entrySet()) {
            String key = a.getKey();
            if (skip.contains(key)) {
                continue;
            }
            Method m = memberOf(type, key.equals("class") ? "value" : camel(key));
            if (m != null) {
                members.put(m.getName(), convert(n, a.getValue(), m.getReturnType()));
            } else if (target != null && key.equals("maps-id")) {
                source.add(target, Synthesized.of(MapsId.class, Map.of("value", a.getValue())));
            } else if (target != null && key.equals("id")) {
                if (bool(n, a.getValue())) {
                    source.add(target, Synthesized.of(Id.class, Map.of()));
                }
            } else {
                throw error(n, "has no attribute '" + key + "' (the attributes of <" + n.name + "> are the members of @"
                        + type.getSimpleName() + ": " + Arrays.stream(type.getDeclaredMethods()).map(x -> kebab(x.getName()))
                        .sorted().toList() + ")");
            }
        }
        Map<Method, List<Object>> arrays = new LinkedHashMap<>();
        for (Node child : n.children) {
            if (child.name.equals("description")) {
                continue;
            }
            String name = camel(child.name);
            Method m = memberOf(type, name);
            m = m != null ? m : memberOf(type, name + "s");
            m = m != null ? m : memberOf(type, name + "es");
            if (m != null && m.getName().equals("cascade") && m.getReturnType() == CascadeType[].class) {
                members.put("cascade", cascade(child));
            } else if (m != null) {
                Class<?> rt = m.getReturnType();
                Class<?> et = rt.isArray() ? rt.getComponentType() : rt;
                Object v = et.isAnnotation() ? translate(child, et.asSubclass(Annotation.class), null, Set.of())
                        : convert(child, child.text(), et);
                if (rt.isArray()) {
                    arrays.computeIfAbsent(m, k -> new ArrayList<>()).add(v);
                } else {
                    members.put(m.getName(), v);
                }
            } else if (target != null) {
                if (!IGNORED.contains(child.name)) {
                    attach(target, child);
                }
            } else {
                throw error(child, "is not an element of <" + n.name + "> (the elements of <" + n.name + "> are the members of @"
                        + type.getSimpleName() + ")");
            }
        }
        for (Map.Entry<Method, List<Object>> e : arrays.entrySet()) {
            Object array = Array.newInstance(e.getKey().getReturnType().getComponentType(), e.getValue().size());
            for (int i = 0; i < e.getValue().size(); i++) {
                Array.set(array, i, e.getValue().get(i));
            }
            members.put(e.getKey().getName(), array);
        }
        try {
            return Synthesized.of(type, members);
        } catch (IllegalArgumentException e) {
            String missing = kebab(e.getMessage());
            throw error(n, "needs " + (missing.equals("value") ? "a value" : "the attribute " + missing + "=\"...\""));
        }
    }

    private CascadeType[] cascade(Node n) {
        List<CascadeType> types = new ArrayList<>();
        for (Node c : n.children) {
            if (!c.name.startsWith("cascade-")) {
                throw error(c, "is not an element of <cascade>; write <cascade-all/>, <cascade-persist/>, <cascade-merge/>, ...");
            }
            types.add(enumValue(c, c.name.substring("cascade-".length()).toUpperCase(Locale.ROOT), CascadeType.class));
        }
        return types.toArray(new CascadeType[0]);
    }

    private Object convert(Node n, String text, Class<?> type) {
        if (type == String.class) {
            return text;
        }
        if (type == boolean.class) {
            return bool(n, text);
        }
        if (type == int.class || type == long.class) {
            try {
                return type == int.class ? (Object) Integer.parseInt(text.trim()) : (Object) Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                throw error(n, "has '" + text + "' where a whole number belongs");
            }
        }
        if (type.isEnum()) {
            return enumValue(n, text, type.asSubclass(Enum.class));
        }
        if (type == Class.class) {
            return type(n, text);
        }
        throw error(n, "holds a value of type " + type.getSimpleName() + ", which Jynamo does not read from XML");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <E extends Enum> E enumValue(Node n, String text, Class<E> type) {
        try {
            return (E) Enum.valueOf(type, text.trim());
        } catch (IllegalArgumentException e) {
            throw error(n, "has '" + text + "' where one of " + Arrays.toString(type.getEnumConstants()) + " belongs");
        }
    }

    private boolean bool(Node n, String text) {
        return switch (text.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error(n, "has '" + text + "' where true or false belongs");
        };
    }

    private Class<?> type(Node n, String name) {
        List<String> candidates = new ArrayList<>();
        if (pkg != null && !pkg.isEmpty() && !name.contains(".")) {
            candidates.add(pkg + "." + name);
        }
        candidates.add(name);
        if (pkg != null && !pkg.isEmpty() && name.contains(".")) {
            candidates.add(pkg + "." + name);
        }
        for (String candidate : candidates) {
            try {
                return Class.forName(candidate, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next reading of the name
            }
        }
        throw error(n, "names class " + name + ", which the unit's class loader cannot load; write the fully qualified "
                + "name" + (pkg == null ? " (or declare <package>)" : " (the file's <package> is " + pkg + ")"));
    }

    private String required(Node n, String attribute) {
        String v = n.attributes.get(attribute);
        if (v == null || v.isEmpty()) {
            throw error(n, "needs the attribute " + attribute + "=\"...\"");
        }
        return v;
    }

    private static List<Node> children(Node n, String name) {
        return n.children.stream().filter(c -> c.name.equals(name)).toList();
    }

    private static Method memberOf(Class<?> type, String name) {
        try {
            return type.getDeclaredMethod(name);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static String camel(String kebab) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char ch : kebab.toCharArray()) {
            if (ch == '-') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return sb.toString();
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
