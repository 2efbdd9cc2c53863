package dev.panorama.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The field a bad-input problem names, for violations as a resource method's validation reports them. */
class ValidationProblemTest {

    private static final ValidatorFactory FACTORY = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    record Address(@Size(max = 5) List<@NotNull String> lines, @Size(max = 3) String postcode) {
    }

    record Item(@NotBlank String sourceMessageId) {
    }

    record Body(@NotBlank String sourceSystem, List<@NotNull @Valid Address> addresses, List<@NotNull @Valid Item> items,
            Map<@Size(max = 3) String, @NotBlank String> attributes) {
    }

    @SuppressWarnings("unused")
    static class Resource {
        public void create(@NotNull @Valid Body body) {
        }

        public void list(@Max(100) Integer limit, List<@NotNull String> ids) {
        }
    }

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void aNullListElementIsNamedByItsIndexAlone() {
        Body body = new Body("crm", List.of(new Address(Arrays.asList("1 High St", null), "AB1")), null, null);
        assertThat(fieldsOf(create(body))).containsExactly("addresses[0].lines[1]");
    }

    @Test
    void aNullObjectInAListIsNamedByItsIndex() {
        Body body = new Body("crm", Arrays.asList(new Address(List.of(), "AB1"), null), null, null);
        assertThat(fieldsOf(create(body))).containsExactly("addresses[1]");
    }

    @Test
    void aFieldOfAnObjectInAListIsNamedByTheObjectsIndexAndItsName() {
        Body body = new Body("", List.of(new Address(List.of(), "AB1 2CD")), List.of(new Item("m1"), new Item(" ")), null);
        assertThat(fieldsOf(create(body))).containsExactly("addresses[0].postcode", "items[1].sourceMessageId", "sourceSystem");
    }

    @Test
    void aMapValueOrKeyIsNamedByItsKey() {
        assertThat(fieldsOf(create(new Body("crm", null, null, Map.of("vip", " "))))).containsExactly("attributes[vip]");
        assertThat(fieldsOf(create(new Body("crm", null, null, Map.of("segment", "gold"))))).containsExactly("attributes[segment]");
    }

    @Test
    void aQueryParameterIsNamedByItselfAndItsElementsByTheirIndex() {
        assertThat(fieldsOf(violations("list", new Object[] {500, Arrays.asList("a", null)}, Integer.class, List.class)))
                .containsExactly("ids[1]", "limit");
    }

    @Test
    void aMissingBodyIsNamedByItsParameter() {
        assertThat(fieldsOf(create(null))).containsExactly("body");
    }

    private static Set<ConstraintViolation<Resource>> create(Body body) {
        return violations("create", new Object[] {body}, Body.class);
    }

    private static Set<ConstraintViolation<Resource>> violations(String method, Object[] arguments, Class<?>... types) {
        try {
            Method endpoint = Resource.class.getMethod(method, types);
            return VALIDATOR.forExecutables().validateParameters(new Resource(), endpoint, arguments);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> fieldsOf(Set<? extends ConstraintViolation<?>> violations) {
        Response response = new ProblemMappers().invalid(new ConstraintViolationException(violations));
        assertThat(response.getStatus()).isEqualTo(400);
        return ((Problem) response.getEntity()).errors().stream().map(Problem.FieldError::field).toList();
    }
}
