package io.jynamo.internal.bootstrap;

import jakarta.persistence.PersistenceException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

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
    private static final System.Logger LOG = System.getLogger(PersistenceXml.class.getName());

    private PersistenceXml() {
    }

    /**
     * The unit of that name, or {@code null} if no persistence.xml declares it. A malformed file is
     * reported (a warning naming it and the parse error) and skipped, so that it cannot hide a valid
     * unit in another file; only when the unit is found nowhere does the error list the skipped files.
     *
     * @throws PersistenceException if the unit is not found and some files were skipped as malformed
     */
    public static UnitDescriptor find(String unitName, ClassLoader loader) {
        List<String> skipped = new ArrayList<>();
        try {
            Enumeration<URL> urls = loader.getResources(RESOURCE);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                List<UnitDescriptor> units;
                try {
                    units = parse(url, loader);
                } catch (PersistenceException e) {
                    LOG.log(System.Logger.Level.WARNING, () -> "Skipping " + e.getMessage()
                            + " (looking for persistence unit '" + unitName + "'); fix or remove that file");
                    skipped.add(e.getMessage());
                    continue;
                }
                for (UnitDescriptor unit : units) {
                    if (unit.name().equals(unitName)) {
                        return unit;
                    }
                }
            }
        } catch (IOException e) {
            throw new PersistenceException("Cannot list the " + RESOURCE + " files of the class path: " + e.getMessage(), e);
        }
        if (!skipped.isEmpty()) {
            throw new PersistenceException("No persistence unit named '" + unitName + "' in any readable " + RESOURCE
                    + "; these malformed files were skipped and may be where it is: " + String.join("; ", skipped)
                    + ". Fix them, or check the unit's name");
        }
        return null;
    }

    /** Every unit of one persistence.xml. */
    static List<UnitDescriptor> parse(URL url, ClassLoader loader) {
        Document doc;
        try (InputStream in = open(url)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // Errors reach the caller as exceptions, not as lines on standard error.
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            doc = builder.parse(in);
        } catch (SAXParseException e) {
            throw new PersistenceException("malformed " + url + " at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + stripPeriod(e.getMessage()), e);
        } catch (Exception e) {
            throw new PersistenceException("unreadable " + url + ": " + e, e);
        }
        URL root = rootOf(url);
        List<UnitDescriptor> units = new ArrayList<>();
        for (Element unit : children(doc.getDocumentElement(), "persistence-unit")) {
            String name = unit.getAttribute("name");
            String provider = null;
            List<String> classes = new ArrayList<>();
            List<String> mappingFiles = new ArrayList<>();
            boolean exclude = false;
            Map<String, Object> properties = new LinkedHashMap<>();
            String sharedCacheMode = null;
            for (Element e : children(unit, null)) {
                switch (e.getLocalName()) {
                    case "provider" -> provider = text(e);
                    case "class" -> classes.add(text(e));
                    case "mapping-file" -> mappingFiles.add(text(e));
                    case "exclude-unlisted-classes" -> exclude = text(e).isEmpty() || Boolean.parseBoolean(text(e));
                    case "shared-cache-mode" -> sharedCacheMode = text(e);
                    case "properties" -> {
                        for (Element p : children(e, "property")) {
                            properties.put(p.getAttribute("name"), p.getAttribute("value"));
                        }
                    }
                    default -> {
                        // jar-file, data sources, validation-mode...: nothing Jynamo uses.
                    }
                }
            }
            if (sharedCacheMode != null && !sharedCacheMode.isEmpty()) {
                // The element is the unit's default; a property of the same meaning wins.
                properties.putIfAbsent(io.jynamo.JynamoProperties.SHARED_CACHE_MODE, sharedCacheMode);
            }
            units.add(new UnitDescriptor(name, provider, classes, List.of(), exclude, properties, loader, root, mappingFiles));
        }
        return units;
    }

    private static String stripPeriod(String message) {
        return message != null && message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }

    /**
     * Opens a resource without the JVM's cache of jar files: a jar rewritten between two factories in one JVM
     * (test suites do this) would otherwise be read through the stale cached copy ("invalid LOC header").
     */
    static InputStream open(URL url) throws IOException {
        java.net.URLConnection connection = url.openConnection();
        connection.setUseCaches(false);
        return connection.getInputStream();
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
