package io.tikun.intake.social;

/** The social networks Tikun reads, each with the prefix that makes its ids globally unique. */
public enum Network {

    META_FACEBOOK("fb"),
    META_MESSENGER("messenger"),
    META_INSTAGRAM("ig"),
    META_INSTAGRAM_DM("igdm"),
    META_WHATSAPP("wa"),
    X("x"),
    /** Any other network, posting in Tikun's own signed-webhook format; its name is carried alongside. */
    GENERIC(null);

    /** X direct messages are a separate id space from tweets, so they get their own prefix. */
    static final String X_DIRECT_MESSAGE_PREFIX = "xdm";

    private final String prefix;

    Network(String prefix) {
        this.prefix = prefix;
    }

    /** The id prefix, or null for {@link #GENERIC}, whose prefix is the network's own name. */
    public String prefix() {
        return prefix;
    }

    /**
     * True when a generic network's name would collide with a built-in prefix: a generic sender calling itself
     * "x" could otherwise mint ids that pass for real X messages.
     */
    public static boolean isReservedPrefix(String name) {
        if (X_DIRECT_MESSAGE_PREFIX.equals(name)) {
            return true;
        }
        for (Network network : values()) {
            if (name.equals(network.prefix)) {
                return true;
            }
        }
        return false;
    }
}
