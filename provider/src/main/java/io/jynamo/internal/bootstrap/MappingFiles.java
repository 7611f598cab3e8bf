package io.jynamo.internal.bootstrap;

import jakarta.persistence.PersistenceException;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

/**
 * The orm.xml files of a unit (JPA 3.2 section 8.2.1.6.2): the {@code META-INF/orm.xml} of the unit's root,
 * if there is one, then each {@code <mapping-file>} in order.
 */
final class MappingFiles {

    static final String DEFAULT = "META-INF/orm.xml";

    private MappingFiles() {
    }

    static List<URL> of(UnitDescriptor unit, ClassLoader loader) {
        List<URL> files = new ArrayList<>();
        URL own = ownDefault(unit.rootUrl());
        if (own != null) {
            files.add(own);
        }
        for (String name : unit.mappingFiles()) {
            URL url = loader.getResource(name.startsWith("/") ? name.substring(1) : name);
            if (url == null && unit.rootUrl() != null) {
                url = existing(unit.rootUrl(), name);
            }
            if (url == null) {
                throw new PersistenceException("Persistence unit '" + unit.name() + "' names the mapping file " + name
                        + ", which is not a resource of its class loader" + (unit.rootUrl() == null ? "" : " nor of its root "
                        + unit.rootUrl()) + "; give its path from the root of the class path (e.g. META-INF/my-orm.xml)");
            }
            // Naming the default file as well must not read it twice.
            if (own == null || !url.toExternalForm().equals(own.toExternalForm())) {
                files.add(url);
            }
        }
        return files;
    }

    /** The root's own META-INF/orm.xml: not any orm.xml of the class path, which may belong to other units. */
    private static URL ownDefault(URL root) {
        return root == null ? null : existing(root, DEFAULT);
    }

    private static URL existing(URL root, String name) {
        try {
            String base = root.toExternalForm();
            URL url = new URL(new URL(base.endsWith("/") ? base : base + "/"), name);
            java.net.URLConnection c = url.openConnection();
            c.setUseCaches(false);
            try (InputStream in = c.getInputStream()) {
                return url;
            }
        } catch (MalformedURLException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
