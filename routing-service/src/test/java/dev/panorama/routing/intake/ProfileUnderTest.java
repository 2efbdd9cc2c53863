package dev.panorama.routing.intake;

import io.quarkus.test.common.QuarkusTestResource;

/** profile-service, as routing's tests see it: {@link FakeProfile}. */
@QuarkusTestResource(FakeProfile.class)
public class ProfileUnderTest {
}
