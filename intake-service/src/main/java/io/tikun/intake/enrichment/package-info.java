/**
 * Events of routing and follow-up that intake consumes to enrich the customer timeline:
 * {@code cases.updated} and {@code commitments.updated}, idempotent on the CloudEvent id.
 */
package io.tikun.intake.enrichment;
