package io.tikun.intake.social;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tikun.intake.complaint.Complaint;
import io.tikun.intake.complaint.ComplaintRepository;
import io.tikun.intake.complaint.ComplaintRepository.ComplaintThread;
import io.tikun.intake.complaint.FollowUpMessage;

/**
 * Finds the complaint a social message continues: the one holding the message it answers (by the same author), else
 * the newest one in the same conversation by the same author, if that conversation was active within
 * {@code tikun.channels.thread-window}.
 */
@ApplicationScoped
public class SocialThreadFinder {

    private final ComplaintRepository complaints;
    private final ChannelsConfig config;
    private final Clock clock;

    public SocialThreadFinder(ComplaintRepository complaints, ChannelsConfig config, Clock clock) {
        this.complaints = complaints;
        this.config = config;
        this.clock = clock;
    }

    /** The complaint this message continues, or null when it starts a new one. */
    public Uni<Complaint> find(SocialMessage message) {
        String replyKey = SocialThreads.replyKey(message);
        Uni<ComplaintThread> answered = replyKey == null ? Uni.createFrom().nullItem()
                : complaints.findLatestThread(List.of(replyKey));
        return answered.chain(thread -> thread != null ? Uni.createFrom().item(thread.complaint())
                : complaints.findLatestThread(List.of(SocialThreads.conversationKey(message)))
                        .map(conversation -> conversation != null && isRecent(conversation) ? conversation.complaint()
                                : null));
    }

    /** Lets a customer's answer to our own public reply find the complaint our reply was about. */
    public Uni<Void> link(OwnReply reply) {
        return complaints.findLatestThread(List.of(SocialThreads.key(reply.customerIdentity(), reply.inReplyToId())))
                .chain(thread -> thread == null ? Uni.createFrom().voidItem()
                        : complaints.addThreadKeys(thread.complaint().id(),
                                List.of(SocialThreads.key(reply.customerIdentity(), reply.replyId()))));
    }

    private boolean isRecent(ComplaintThread thread) {
        Instant last = thread.messages().stream().map(FollowUpMessage::receivedAt)
                .reduce(thread.complaint().receivedAt(), (a, b) -> a.isAfter(b) ? a : b);
        return !last.plus(config.threadWindow()).isBefore(clock.instant());
    }
}
