package io.tikun.followup.outbox;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The e-mails to send; claims rows with FOR UPDATE SKIP LOCKED so concurrent relays never send the same one. Each claim
 * carries a token: a relay whose claim lapsed (a slow batch) and was taken over can neither send the e-mail again nor
 * overwrite what the new holder recorded.
 */
@ApplicationScoped
@WithSession
public class MailDeliveryRepository implements PanacheRepositoryBase<MailDelivery, UUID> {

    /** The width of {@code mail_delivery.last_error}. */
    static final int MAX_ERROR = 500;

    /** This process, in {@code mail_delivery.claimed_by}. */
    private final String instance = ProcessHandle.current().pid() + "@" + hostName() + "/" + UUID.randomUUID();

    private static final String DUE = """
            select * from {h-schema}mail_delivery
            where sent_at is null and abandoned_at is null and available_at <= :now
            order by available_at
            limit :limit
            for update skip locked""";

    private static final String DUE_AMONG = """
            select * from {h-schema}mail_delivery
            where sent_at is null and abandoned_at is null and available_at <= :now and id in (:ids)
            for update skip locked""";

    /** Claims up to {@code limit} due e-mails until {@code claimUntil}, counting the attempt. */
    @WithTransaction
    public Uni<List<MailDelivery>> claimDue(Instant now, Instant claimUntil, int limit) {
        return getSession().chain(session -> session.createNativeQuery(DUE, MailDelivery.class)
                .setParameter("now", now).setParameter("limit", limit).getResultList())
                .invoke(claimed -> claimed.forEach(mail -> claim(mail, claimUntil)));
    }

    /** Claims the given e-mails if they are still due (the send right after the commit that wrote them). */
    @WithTransaction
    public Uni<List<MailDelivery>> claimAmong(List<UUID> ids, Instant now, Instant claimUntil) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().chain(session -> session.createNativeQuery(DUE_AMONG, MailDelivery.class)
                .setParameter("now", now).setParameter("ids", ids).getResultList())
                .invoke(claimed -> claimed.forEach(mail -> claim(mail, claimUntil)));
    }

    /**
     * Extends this instance's claim on an e-mail it is about to send; false if the claim is no longer its own (another
     * instance claimed it after it lapsed) or the e-mail was sent or given up meanwhile: then it must not be sent.
     */
    @WithTransaction
    public Uni<Boolean> renewClaim(MailDelivery claimed, Instant claimUntil) {
        return update("availableAt = ?1 where id = ?2 and claimToken = ?3 and sentAt is null and abandonedAt is null",
                claimUntil, claimed.id, claimed.claimToken).map(renewed -> renewed == 1);
    }

    /** Records the e-mail sent, if the claim is still this one; returns 1 if it was. */
    @WithTransaction
    public Uni<Integer> markSent(MailDelivery claimed, Instant at) {
        return update("sentAt = ?1, lastError = null where id = ?2 and claimToken = ?3", at, claimed.id,
                claimed.claimToken);
    }

    /**
     * Schedules the next attempt, or abandons the e-mail when {@code retryAt} is null, if the claim is still this one;
     * returns 1 if it was.
     */
    @WithTransaction
    public Uni<Integer> markFailed(MailDelivery claimed, String error, Instant retryAt, Instant now) {
        String shortError = error == null ? "unknown error"
                : error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
        return retryAt == null
                ? update("abandonedAt = ?1, lastError = ?2 where id = ?3 and claimToken = ?4", now, shortError,
                        claimed.id, claimed.claimToken)
                : update("availableAt = ?1, lastError = ?2 where id = ?3 and claimToken = ?4", retryAt, shortError,
                        claimed.id, claimed.claimToken);
    }

    /** The e-mails about one commitment, oldest first. */
    public Uni<List<MailDelivery>> forCommitment(UUID commitmentId) {
        return list("commitmentId = ?1 order by createdAt", commitmentId);
    }

    private void claim(MailDelivery mail, Instant claimUntil) {
        mail.availableAt = claimUntil;
        mail.attempts++;
        mail.claimedBy = instance;
        mail.claimToken = UUID.randomUUID();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
