package io.tikun.routing.cases;

import static io.tikun.routing.CaseFixtures.awaitCase;
import static io.tikun.routing.CaseFixtures.complaintJson;
import static io.tikun.routing.CaseFixtures.randomReference;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.tikun.stack.testing.CloudEventSender;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.PostgresTestResource;

/** A case keeps what intake's classifier said the complaint is about. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class CaseClassificationTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private String send(String json) {
        String complaintId = json.substring(json.indexOf("\"complaintId\":\"") + 15).split("\"", 2)[0];
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send("complaints.received", "cust-" + complaintId, UUID.randomUUID().toString(),
                    "tikun.complaint.received", json);
        }
        return complaintId;
    }

    @Test
    void keepsTheComplaintsCategoryProductAndOrderNumbersOnTheCase() {
        String json = complaintJson(UUID.randomUUID().toString(), randomReference(), "HIGH");
        String classified = json.substring(0, json.lastIndexOf('}'))
                + ",\"classification\":{\"product\":{\"id\":\"washing_machine\",\"name\":\"Washing machine\","
                + "\"evidence\":[\"WM-8200\"]},\"category\":\"product_defect\",\"categoryEvidence\":[\"דולף\"],"
                + "\"orderNumbers\":[\"12345678\",\"1234-5678\"]}}";

        JsonPath c = awaitCase(send(classified));

        assertThat(c.getString("category")).isEqualTo("product_defect");
        assertThat(c.getString("productId")).isEqualTo("washing_machine");
        assertThat(c.getList("orderNumbers", String.class)).containsExactly("12345678", "1234-5678");
    }

    @Test
    void opensACaseWithoutClassificationFromAnOlderIntake() {
        JsonPath c = awaitCase(send(complaintJson(UUID.randomUUID().toString(), randomReference(), "LOW")));

        assertThat(c.getString("category")).isNull();
        assertThat(c.getString("productId")).isNull();
        assertThat(c.getList("orderNumbers", String.class)).isEmpty();
    }
}
