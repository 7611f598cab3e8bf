package io.jynamo.internal.bootstrap;

import jakarta.persistence.PersistenceException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads every {@code META-INF/persistence.xml} visible to a class loader (any schema version 2.x or
 * 3.x: only element local names are read, so the namespace does not matter).
 */
public final class PersistenceXml {

    private static final String RESOURCE = "META-INF/persistence.xml";

    private PersistenceXml() {
    }

    /** The unit of that name, or {@code null} if no persistence.xml declares it. */
    public static UnitDescriptor find(String unitName, ClassLoader loader) {
        try {
            Enumeration<URL> urls = loader.getResources(RESOURCE);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                for (UnitDescriptor unit : parse(url, loader)) {
                    if (unit.name().equals(unitName)) {
                        return unit;
                    }
                }
            }
            return null;
        } catch (IOException e) {
            throw new PersistenceException("Cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** Every unit of one persistence.xml. */
    static List<UnitDescriptor> parse(URL url, ClassLoader loader) {
        Document doc;
        try (InputStream in = url.openStream()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            doc = builder.parse(in);
        } catch (Exception e) {
            throw new PersistenceException("Cannot parse " + url + ": " + e.getMessage(), e);
        }
        URL root = rootOf(url);
        List<UnitDescriptor> units = new ArrayList<>();
        for (Element unit : children(doc.getDocumentElement(), "persistence-unit")) {
            String name = unit.getAttribute("name");
            String provider = null;
            List<String> classes = new ArrayList<>();
            boolean exclude = false;
            Map<String, Object> properties = new LinkedHashMap<>();
            String sharedCacheMode = null;
            for (Element e : children(unit, null)) {
                switch (e.getLocalName()) {
                    case "provider" -> provider = text(e);
                    case "class" -> classes.add(text(e));
                    case "exclude-unlisted-classes" -> exclude = text(e).isEmpty() || Boolean.parseBoolean(text(e));
                    case "shared-cache-mode" -> sharedCacheMode = text(e);
                    case "properties" -> {
                        for (Element p : children(e, "property")) {
                            properties.put(p.getAttribute("name"), p.getAttribute("value"));
                        }
                    }
                    default -> {
                        // mapping-file, jar-file, data sources, validation-mode...: nothing Jynamo uses.
                    }
                }
            }
            if (sharedCacheMode != null && !sharedCacheMode.isEmpty()) {
                // The element is the unit's default; a property of the same meaning wins.
                properties.putIfAbsent(io.jynamo.JynamoProperties.SHARED_CACHE_MODE, sharedCacheMode);
            }
            units.add(new UnitDescriptor(name, provider, classes, List.of(), exclude, properties, loader, root));
        }
        return units;
    }

    private static URL rootOf(URL xml) {
        try {
            String s = xml.toExternalForm();
            return new URL(s.substring(0, s.length() - RESOURCE.length()));
        } catch (Exception e) {
            return null;
        }
    }

    private static String text(Element e) {
        return e.getTextContent() == null ? "" : e.getTextContent().trim();
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && (localName == null || localName.equals(e.getLocalName()))) {
                out.add(e);
            }
        }
        return out;
    }
}
