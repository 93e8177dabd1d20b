package sa.mustafeed.core.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.staff.SavedReply;

/**
 * What {@link SavedReplies} promises the console: what is saved is read back whole (both languages,
 * line breaks, who and when), in id order; saving an id again replaces it; a delete removes only
 * that reply and is harmless twice. The in-memory fake (core) and DynamoDbSavedReplies (adapters,
 * against moto) both run it.
 */
public abstract class SavedRepliesContract {
    private static final Instant AT = Instant.parse("2026-11-25T08:30:00.125Z");

    protected abstract SavedReplies emptyStore() throws Exception;

    private SavedReplies store;

    @BeforeEach
    final void startEmpty() throws Exception {
        store = emptyStore();
    }

    private static SavedReply reply(String id, String titleEn) {
        return new SavedReply(
                id,
                "عنوان " + id,
                titleEn,
                "مرحبًا {name}،\nطلبك {reference} قيد المراجعة.",
                "Hello {name},\nyour request {reference} is being reviewed.",
                AT,
                "Huda Manager");
    }

    @Test
    void anEmptyStore_hasNoReplies() {
        assertEquals(List.of(), store.all());
        assertEquals(Optional.empty(), store.find("r1"));
    }

    @Test
    void aSavedReply_isReadBackWhole_inIdOrder() {
        SavedReply b = reply("b-2", "Second");
        SavedReply a = reply("a-1", "First");
        store.save(b);
        store.save(a);

        assertEquals(List.of(a, b), store.all());
        assertEquals(Optional.of(b), store.find("b-2"));
    }

    @Test
    void savingAnIdAgain_replacesTheReply() {
        store.save(reply("r1", "Old title"));
        SavedReply changed = reply("r1", "New title");
        store.save(changed);

        assertEquals(List.of(changed), store.all());
    }

    @Test
    void delete_removesOnlyThatReply_andTwiceIsHarmless() {
        store.save(reply("r1", "One"));
        SavedReply kept = reply("r2", "Two");
        store.save(kept);

        store.delete("r1");
        store.delete("r1");
        store.delete("never-there");

        assertEquals(List.of(kept), store.all());
        assertTrue(store.find("r1").isEmpty());
    }

    @Test
    void manyReplies_areAllRead() {
        for (int i = 0; i < 30; i++) {
            store.save(reply("r%02d".formatted(i), "Reply " + i));
        }
        List<SavedReply> all = store.all();
        assertEquals(30, all.size());
        assertEquals("r00", all.getFirst().id());
        assertEquals("r29", all.getLast().id());
    }
}
