/** An entity whose id generator is declared on its package (JPA 3.2 allows generators on packages). */
@SequenceGenerator(name = "parcels", initialValue = 500, allocationSize = 2)
package io.jynamo.tck.idgen.pkg;

import jakarta.persistence.SequenceGenerator;
