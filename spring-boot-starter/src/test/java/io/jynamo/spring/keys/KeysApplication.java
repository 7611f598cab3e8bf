package io.jynamo.spring.keys;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A repository over an entity keyed by three attributes, in a package of its own so the sample stays small. */
@SpringBootApplication
public class KeysApplication {
}
