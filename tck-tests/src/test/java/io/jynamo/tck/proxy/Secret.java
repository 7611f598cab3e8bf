package io.jynamo.tck.proxy;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A package-private entity with package-private members. */
@Entity
class Secret {
    @Id
    private String code;
    private String value;

    Secret() {
    }

    Secret(String code, String value) {
        this.code = code;
        this.value = value;
    }

    String getCode() {
        return code;
    }

    String getValue() {
        return value;
    }

    void setValue(String value) {
        this.value = value;
    }
}
