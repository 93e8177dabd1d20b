package sa.mustafeed.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.mustafeed.aws.OfflineAwsClients;
import sa.mustafeed.http.SnapStartPriming;

/** The SnapStart hook Lambda runs before the snapshot, with SDK clients that answer in memory. */
class StaffApiPrimingTest {
    /** What Lambda's environment gives the function (the hook runs inside it). */
    private static final java.util.Map<String, String> ENVIRONMENT =
            java.util.Map.of("PRIVACY_NOTICE_VERSION", "priming-test");

    @BeforeEach
    void environment() {
        ENVIRONMENT.forEach(System::setProperty);
    }

    @AfterEach
    void clear() {
        ENVIRONMENT.keySet().forEach(System::clearProperty);
    }

    @Test
    void snapStartPriming_runsTheRequestPathThroughTheSdk_withoutLeavingTheProcess() throws Exception {
        OfflineAwsClients offline = new OfflineAwsClients();
        SnapStartPriming priming = StaffApiHandler.priming(offline);

        priming.beforeCheckpoint(null); // no AWS credentials, endpoint or table exist in this test

        assertEquals(200, priming.lastStatus(), "the answer a person would get for the sample");
        assertTrue(priming.rounds() > 1, "rounds: " + priming.rounds());
        for (String operation : java.util.List.of("DynamoDB_20120810.Query")) {
            assertTrue(
                    offline.operations().contains(operation),
                    offline.operations().toString());
        }
        assertTrue(offline.operations().stream().allMatch(op -> op.startsWith("DynamoDB_20120810.")));
    }
}
