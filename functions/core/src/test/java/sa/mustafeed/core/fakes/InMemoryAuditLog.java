package sa.mustafeed.core.fakes;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.ports.AuditLog;
import sa.mustafeed.core.staff.AuditEntry;
import sa.mustafeed.core.staff.AuditPage;

/**
 * {@link AuditLog} in a list, in the order written. The cursor is the month and an offset into the
 * month's entries, newest first: an entry written between two pages shifts it by one (DynamoDbAuditLog's
 * key cursor does not), which no test over the fake relies on.
 */
public final class InMemoryAuditLog implements AuditLog {
    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized void record(AuditEntry entry) {
        entries.add(entry);
    }

    @Override
    public synchronized AuditPage month(YearMonth month, Optional<String> cursor, int pageSize) {
        List<AuditEntry> inMonth = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (YearMonth.from(entries.get(i).at().atZone(ZoneOffset.UTC)).equals(month)) {
                inMonth.add(entries.get(i));
            }
        }
        // newest first; a stable sort keeps later-written twins first, as the list was reversed
        inMonth.sort((a, b) -> b.at().compareTo(a.at()));
        int from = cursor.map(c -> offset(c, month)).orElse(0);
        int to = Math.min(inMonth.size(), from + pageSize);
        Optional<String> next = to < inMonth.size() ? Optional.of(encode(month, to)) : Optional.empty();
        return new AuditPage(inMonth.subList(Math.min(from, to), to), next);
    }

    /** Entries written so far, in order. */
    public synchronized List<AuditEntry> written() {
        return List.copyOf(entries);
    }

    private static String encode(YearMonth month, int offset) {
        return Base64.getUrlEncoder().encodeToString((month + "@" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String cursor, YearMonth month) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("@");
            if (parts.length != 2 || !parts[0].equals(month.toString())) {
                throw new IllegalArgumentException("another month's cursor");
            }
            int offset = Integer.parseInt(parts[1]);
            if (offset < 0) {
                throw new IllegalArgumentException("negative offset");
            }
            return offset;
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(FieldError.of("cursor", ErrorCode.INVALID_CURSOR));
        }
    }
}
