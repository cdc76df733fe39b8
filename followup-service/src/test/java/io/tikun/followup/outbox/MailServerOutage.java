package io.tikun.followup.outbox;

import io.tikun.stack.FreePorts;
import io.tikun.stack.MailSandbox;

/**
 * The mail server at one loopback port, which a test takes down and brings back. Down, nothing listens there and
 * every connection is refused, as when the real relay is unreachable; up, a {@link MailSandbox} on that port takes
 * and keeps what it is sent.
 */
public final class MailServerOutage implements AutoCloseable {

    private final int smtpPort;
    private MailSandbox sandbox;

    private MailServerOutage(int smtpPort) {
        this.smtpPort = smtpPort;
    }

    /** A server that is down from the start. */
    static MailServerOutage down() {
        return new MailServerOutage(FreePorts.next());
    }

    public int smtpPort() {
        return smtpPort;
    }

    /** Brings the server up (a fresh, empty sandbox), or returns it if it is up. */
    public synchronized MailSandbox recover() {
        if (sandbox == null) {
            sandbox = MailSandbox.start(smtpPort, 0);
        }
        return sandbox;
    }

    /** Takes the server down: from now on connections are refused. */
    public synchronized void fail() {
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
    }

    @Override
    public void close() {
        fail();
    }
}
