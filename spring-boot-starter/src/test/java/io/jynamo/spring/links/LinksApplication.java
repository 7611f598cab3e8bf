package io.jynamo.spring.links;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Repositories over a many-to-many relationship, in a package of their own so the sample stays small. */
@SpringBootApplication
public class LinksApplication {
}
