package sa.mustafeed.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.staff.Role;
import sa.mustafeed.core.staff.StaffMember;
import sa.mustafeed.http.ApiEvent;
import sa.mustafeed.http.ApiResponse;

class StaffRouteTest {
    private static final StaffMember STAFF = new StaffMember("u1", "أمل", Role.STAFF);
    private static final StaffMember MANAGER = new StaffMember("u2", "نورة", Role.MANAGER);

    @Test
    void aStaffRoute_allowsEveryEmployee_aManagerRouteOnlyManagers() {
        StaffRoute.Action nothing = (event, me) -> ApiResponse.json(204, "");
        assertTrue(new StaffRoute(Role.STAFF, nothing).allows(STAFF));
        assertTrue(new StaffRoute(Role.STAFF, nothing).allows(MANAGER));
        assertFalse(new StaffRoute(Role.MANAGER, nothing).allows(STAFF));
        assertTrue(new StaffRoute(Role.MANAGER, nothing).allows(MANAGER));
    }

    @Test
    void theAction_getsTheEventAndTheCaller() {
        ApiEvent event = new ApiEvent(
                "GET",
                "/staff/requests",
                Map.of(),
                new byte[0],
                "",
                "id",
                "GET /staff/requests",
                Map.of(),
                Map.of(),
                Map.of());
        StaffRoute route = new StaffRoute(Role.STAFF, (e, me) -> ApiResponse.json(200, e.routeKey() + " " + me.name()));
        assertEquals(
                "GET /staff/requests أمل", route.action().handle(event, STAFF).body());
    }
}
