package io.tikun.intake.email;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import io.vertx.core.Context;

/**
 * The real parser, noting for every message the thread it was parsed on, so a test can see whether MIME parsing ran on
 * an event loop. A test installs it in place of the application's {@link MimeComplaintParser} with {@code QuarkusMock},
 * for that test only. It is a disabled alternative, so the application never picks it up as a second parser.
 */
@Alternative
public class ThreadRecordingMimeParser extends MimeComplaintParser {

    private final Queue<ParseCall> calls = new ConcurrentLinkedQueue<>();

    @Inject
    public ThreadRecordingMimeParser(QuotedTextStripper stripper, AutomatedMailDetector automatedMailDetector) {
        super(stripper, automatedMailDetector);
    }

    @Override
    public ParsedEmail parse(byte[] raw) throws MalformedEmailException {
        calls.add(new ParseCall(raw.length, Thread.currentThread().getName(), Context.isOnEventLoopThread()));
        return super.parse(raw);
    }

    /** The parses of messages of exactly this many bytes. */
    public List<ParseCall> callsFor(int rawBytes) {
        return calls.stream().filter(call -> call.rawBytes() == rawBytes).toList();
    }

    /** One parse: the message's size, and the thread it ran on. */
    public record ParseCall(int rawBytes, String thread, boolean onEventLoop) {
    }
}
