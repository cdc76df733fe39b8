package io.tikun.intake.email;

/** The bytes are not an e-mail we can read; the message says why, in words fit for a log or a problem response. */
public class MalformedEmailException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedEmailException(String reason) {
        super(reason);
    }

    public MalformedEmailException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
