package org.dmpgateway.model.error;

/**
 * The one search of an exception's cause chain: the adapters find the gateway's refusal
 * ({@link DmpException}) or another known failure wherever Camel, CXF, HAPI or Spring wrapped it.
 */
public final class Causes {
    private Causes() {
    }

    /** The first exception of this type in {@code t}'s cause chain (t included), or null. */
    public static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    /** The gateway's refusal in {@code t}'s cause chain, or null. */
    public static DmpException refusalIn(Throwable t) {
        return find(t, DmpException.class);
    }
}
