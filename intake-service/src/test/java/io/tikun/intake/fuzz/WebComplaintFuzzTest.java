package io.tikun.intake.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterEach;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tikun.intake.IntakeConfig;
import io.tikun.intake.complaint.NewComplaintRequest;
import io.tikun.intake.complaint.WebComplaintReader;
import io.tikun.intake.quarantine.RejectedPayload;

/**
 * Fuzzes the web channel's JSON reader with arbitrary bodies, seeded from complaint-shaped JSON (in
 * {@code WebComplaintFuzzTestInputs}): it must return a valid request or refuse with a 4xx {@link RejectedPayload},
 * never fail otherwise.
 */
class WebComplaintFuzzTest {

    /** Smaller than the production default so that the size check is reached by fuzzed inputs. */
    private static final int MAX_BODY_BYTES = 4096;
    private static final String JSON = "application/json; charset=utf-8";

    private final ValidatorFactory validators = Validation.byDefaultProvider().configure()
            // the expression-language interpolator is not needed for the fixed messages of NewComplaintRequest
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
    private final WebComplaintReader reader = new WebComplaintReader(new ObjectMapper(), validators.getValidator(),
            config(MAX_BODY_BYTES));

    @AfterEach
    void closeValidators() {
        validators.close();
    }

    @FuzzTest(maxDuration = "15s")
    void refusesWithClientErrorOrReadsAnyBody(byte[] body) {
        NewComplaintRequest request;
        try {
            request = reader.read(body, JSON);
        } catch (RejectedPayload refused) {
            // mapped by the resource to a problem+json client error, and kept in quarantine
            assertThat(refused.status()).isBetween(400, 499);
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(body.length).isLessThanOrEqualTo(MAX_BODY_BYTES);
        Validator validator = validators.getValidator();
        assertThat(validator.validate(request)).isEmpty();
        assertThat(request.customer()).isNotNull();
        assertThat(request.subject()).isNotBlank().hasSizeLessThanOrEqualTo(300);
        assertThat(request.body()).isNotBlank().hasSizeLessThanOrEqualTo(20_000);
        assertThat(request.fingerprint()).hasSize(64);
    }

    /** Only {@code web().maxBodyBytes()} is read by the reader; any other call is a test bug and fails loudly. */
    private static IntakeConfig config(int maxBodyBytes) {
        IntakeConfig.Web web = () -> maxBodyBytes;
        return (IntakeConfig) Proxy.newProxyInstance(IntakeConfig.class.getClassLoader(),
                new Class<?>[] { IntakeConfig.class }, (proxy, method, args) -> {
                    if (method.getName().equals("web")) {
                        return web;
                    }
                    throw new UnsupportedOperationException("not configured in this test: " + method.getName());
                });
    }
}
