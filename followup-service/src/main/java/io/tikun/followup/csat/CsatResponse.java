package io.tikun.followup.csat;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A customer's satisfaction rating (1 to 5) of how a verified commitment was handled. */
@Entity
@Table(name = "csat_response")
public class CsatResponse {

    @Id
    @Column(name = "commitment_id")
    public UUID commitmentId;

    @Column(nullable = false)
    public short score;

    @Column
    public String comment;

    @Column(name = "responded_at", nullable = false)
    public Instant respondedAt;
}
