package io.tikun.intake.web;

import java.security.SecureRandom;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.logging.Log;
import io.tikun.intake.IntakeConfig;

/** The key of the form's tokens: the configured one, else one made up for this process. */
public class FormSecretProducer {

    @Produces
    @Singleton
    FormSecret formSecret(IntakeConfig config) {
        SecureRandom random = new SecureRandom();
        return config.form().secret().filter(secret -> !secret.isBlank())
                .map(secret -> FormSecret.of(secret, random))
                .orElseGet(() -> {
                    Log.warn("tikun.intake.form.secret is not set: complaint forms can only be sent back to this instance"
                            + " and stop working when it restarts");
                    return FormSecret.generated(random);
                });
    }
}
