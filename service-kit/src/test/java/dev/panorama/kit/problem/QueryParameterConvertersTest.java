package dev.panorama.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QueryParameterConvertersTest {

    private final QueryParameterConverters converters = new QueryParameterConverters();

    @SuppressWarnings("unused")
    private static void endpoint(@QueryParam("limit") Integer limit, @QueryParam("size") int size,
            @QueryParam("after") long after, @QueryParam("customerId") UUID customerId, @QueryParam("q") String q,
            @HeaderParam("X-Count") Integer count, Integer unannotated) {
    }

    @Test
    void convertsTypedQueryParameters() {
        assertThat(converter("limit").fromString("25")).isEqualTo(25);
        assertThat(converter("size").fromString(" 7 ")).isEqualTo(7);
        assertThat(converter("after").fromString("99999999999")).isEqualTo(99_999_999_999L);
        UUID id = UUID.randomUUID();
        assertThat(converter("customerId").fromString(id.toString())).isEqualTo(id);
    }

    @Test
    void aValueThatDoesNotConvertNamesTheParameter() {
        assertThatThrownBy(() -> converter("limit").fromString("abc"))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.error().field()).isEqualTo("limit");
                    assertThat(e.error().message()).isEqualTo("must be a whole number");
                    assertThat(e.getResponse().getStatus()).isEqualTo(400);
                });
        assertThatThrownBy(() -> converter("size").fromString("99999999999")).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> converter("customerId").fromString("not-a-uuid"))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.error().message()).isEqualTo("must be a UUID"));
    }

    @Test
    void leavesOtherTypesAndOtherParameterKindsToThePlatform() {
        assertThat(converterOf(parameter(4))).isNull();
        assertThat(converterOf(parameter(5))).isNull();
        assertThat(converterOf(parameter(6))).isNull();
    }

    private ParamConverter<?> converter(String name) {
        Parameter parameter = Arrays.stream(endpointMethod().getParameters())
                .filter(candidate -> candidate.isAnnotationPresent(QueryParam.class))
                .filter(candidate -> candidate.getAnnotation(QueryParam.class).value().equals(name))
                .findFirst().orElseThrow();
        ParamConverter<?> converter = converterOf(parameter);
        assertThat(converter).isNotNull();
        return converter;
    }

    private ParamConverter<?> converterOf(Parameter parameter) {
        return converters.getConverter(parameter.getType(), parameter.getParameterizedType(), parameter.getAnnotations());
    }

    private static Parameter parameter(int index) {
        return endpointMethod().getParameters()[index];
    }

    private static Method endpointMethod() {
        return Arrays.stream(QueryParameterConvertersTest.class.getDeclaredMethods())
                .filter(method -> method.getName().equals("endpoint")).findFirst().orElseThrow();
    }
}
