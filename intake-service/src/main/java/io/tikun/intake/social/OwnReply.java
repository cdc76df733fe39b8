package io.tikun.intake.social;

/**
 * The subscribed account answering a customer's message publicly (seen when the network echoes our own posts): a
 * customer replying to our answer is still talking about the same complaint.
 *
 * @param replyId the prefixed id of our answer
 * @param inReplyToId the prefixed id of the customer's message it answers
 * @param customerIdentity the customer's identity key on the network ("x:88776655"), whose thread it joins
 */
public record OwnReply(String replyId, String inReplyToId, String customerIdentity) {
}
