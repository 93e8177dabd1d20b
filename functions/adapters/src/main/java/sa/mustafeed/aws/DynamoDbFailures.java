package sa.mustafeed.aws;

import java.util.function.Supplier;
import sa.mustafeed.core.errors.StorageUnavailableException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Separates "DynamoDB is unreachable or busy" (the caller may retry: 503) from "we sent a bad call"
 * (a bug: 500). Only the first becomes {@link StorageUnavailableException}.
 */
final class DynamoDbFailures {
    private DynamoDbFailures() {}

    static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkClientException e) {
            throw new StorageUnavailableException(what + ": store unreachable", e);
        } catch (AwsServiceException e) {
            if (e.isThrottlingException() || e.statusCode() >= 500) {
                throw new StorageUnavailableException(what + ": store busy (" + e.statusCode() + ")", e);
            }
            throw e;
        }
    }
}
