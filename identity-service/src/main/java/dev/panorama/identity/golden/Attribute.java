package dev.panorama.identity.golden;

import java.util.Arrays;
import java.util.Optional;

/** The attributes of a customer the golden record chooses a value for, by their configuration names. */
public enum Attribute {
    NAME("name"), BIRTH_DATE("birth-date"), EMAIL("email"), PHONE("phone"), ADDRESS("address");

    private final String configName;

    Attribute(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    static Optional<Attribute> named(String name) {
        return Arrays.stream(values()).filter(a -> a.configName.equals(name)).findFirst();
    }
}
