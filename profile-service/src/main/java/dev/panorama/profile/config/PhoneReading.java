package dev.panorama.profile.config;

import dev.panorama.profile.phones.PhoneKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one way the service reads phone numbers: in the configured default region, for the store and the reader alike. */
@ApplicationScoped
public class PhoneReading {

    @Produces
    @Singleton
    PhoneKeys phoneKeys(ProfileConfig config) {
        return new PhoneKeys(config.defaultPhoneRegion());
    }
}
