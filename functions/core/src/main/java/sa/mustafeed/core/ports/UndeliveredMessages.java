package sa.mustafeed.core.ports;

import sa.mustafeed.core.notification.UndeliveredMessage;

/** Where a message that could not be sent after every retry is kept for a person to resend. */
public interface UndeliveredMessages {

    /** @throws sa.mustafeed.core.errors.StorageUnavailableException when the queue cannot be reached */
    void park(UndeliveredMessage message);
}
