package dev.panorama.identity.verification;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Wrong answers in a row per factor as stored on the customer's lock row: {@code postcode=1,accountLastDigits=2}. */
final class WrongAnswers {

    private WrongAnswers() {
    }

    static Map<Factor, Integer> read(String stored) {
        Map<Factor, Integer> counts = new EnumMap<>(Factor.class);
        if (stored == null || stored.isBlank()) {
            return counts;
        }
        for (String entry : stored.split(",")) {
            String[] pair = entry.split("=", 2);
            Factor.byFieldName(pair[0]).ifPresent(factor -> counts.put(factor, Integer.parseInt(pair[1])));
        }
        return counts;
    }

    static String write(Map<Factor, Integer> counts) {
        Map<Factor, Integer> inFactorOrder = new EnumMap<>(Factor.class);
        inFactorOrder.putAll(counts);
        return inFactorOrder.entrySet().stream()
                .map(entry -> entry.getKey().fieldName() + "=" + entry.getValue())
                .collect(Collectors.joining(","));
    }
}
