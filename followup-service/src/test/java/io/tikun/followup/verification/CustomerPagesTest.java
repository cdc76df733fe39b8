package io.tikun.followup.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.tikun.followup.FollowupConfig;
import io.tikun.followup.verification.CustomerAnswer.Refusal;

class CustomerPagesTest {

    private static CustomerPages pages(Optional<String> phone) {
        FollowupConfig.Customers customers = () -> phone;
        // A proxy, not an anonymous class, so this test keeps compiling as the configuration grows.
        FollowupConfig config = (FollowupConfig) Proxy.newProxyInstance(FollowupConfig.class.getClassLoader(),
                new Class<?>[] { FollowupConfig.class }, (proxy, method, args) -> {
                    if (method.getName().equals("customers")) {
                        return customers;
                    }
                    throw new IllegalStateException("the pages read only the customers settings, not " + method);
                });
        return new CustomerPages(config);
    }

    @ParameterizedTest
    @CsvSource({ "MALFORMED,400", "TAMPERED,400", "WRONG_LINK,400", "EXPIRED,410", "ALREADY_USED,409",
            "ALREADY_ANSWERED,409", "UNKNOWN_COMMITMENT,404" })
    void explainsEveryRefusalInBothLanguagesWithItsStatus(Refusal refusal, int status) {
        CustomerPages.Page page = pages(Optional.empty()).refused(refusal);

        assertThat(page.status()).isEqualTo(status);
        assertThat(page.html()).contains("Nothing was changed", "reply to the e-mail we sent you",
                "השיבו למייל ששלחנו").doesNotContain("call us");
    }

    @ParameterizedTest
    @CsvSource({ "*2040", "03-555-1234" })
    void offersTheSupportPhoneWhenConfigured(String phone) {
        assertThat(pages(Optional.of(phone)).refused(Refusal.EXPIRED).html()).contains("or call us at",
                "href=\"tel:" + phone + "\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "<b>|&lt;b&gt;", "a & b|a &amp; b", "\"x\" 'y'|&quot;x&quot; &#39;y&#39;",
            "שלום|שלום" })
    void escapesTextAndAttributeValues(String raw, String escaped) {
        assertThat(CustomerPages.escape(raw)).isEqualTo(escaped);
    }
}
