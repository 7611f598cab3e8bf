package io.jynamo.spring.joins;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Repositories over a relationship (an invoice's account), in a package of their own so the sample stays small. */
@SpringBootApplication
public class JoinsApplication {
}
