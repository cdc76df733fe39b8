package io.tikun.followup.verification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The two links sent to a customer for one claim: kept to send the same links in the reminder, and to revoke them
 * when the commitment is reopened so that they cannot answer a later claim.
 */
@Entity
@Table(name = "customer_request")
public class CustomerRequest {

    @Id
    public UUID id;

    @Column(name = "commitment_id", nullable = false)
    public UUID commitmentId;

    @Column(name = "claimed_at", nullable = false)
    public Instant claimedAt;

    @Column(name = "confirm_url", nullable = false)
    public String confirmUrl;

    @Column(name = "deny_url", nullable = false)
    public String denyUrl;

    @Column(name = "confirm_nonce", nullable = false)
    public String confirmNonce;

    @Column(name = "deny_nonce", nullable = false)
    public String denyNonce;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
