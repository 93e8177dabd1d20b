package sa.mustafeed.core.ports;

/**
 * Whether a beneficiary asked for no messages, keyed by the keyed hash of their mobile (so the
 * preference holds across all their requests). May throw StorageUnavailableException.
 */
public interface ContactPreferences {

    boolean messagesStopped(String mobileHash);

    void stopMessages(String mobileHash);
}
