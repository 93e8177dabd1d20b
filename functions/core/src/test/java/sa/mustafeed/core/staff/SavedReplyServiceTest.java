package sa.mustafeed.core.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.errors.FieldError;
import sa.mustafeed.core.errors.InvalidInputException;
import sa.mustafeed.core.fakes.InMemorySavedReplies;
import sa.mustafeed.core.fakes.MutableClock;
import sa.mustafeed.core.fakes.SampleDrafts;

class SavedReplyServiceTest {
    private static final StaffMember HUDA = new StaffMember("m1", "هدى", Role.MANAGER);
    private final InMemorySavedReplies store = new InMemorySavedReplies();
    private final SavedReplyService service = new SavedReplyService(store, new MutableClock(SampleDrafts.NOW));

    private static SavedReplyService.Draft draft(String textEn) {
        return new SavedReplyService.Draft(
                "  وصلنا طلبك ", "We have your request", "مرحبًا {name}، طلبك {reference}.", textEn);
    }

    @Test
    void save_storesCleanTexts_withWhoAndWhen() {
        SavedReply saved = service.save("r1", draft("Hello {name}, request {reference}.\r\nThanks"), HUDA);

        assertEquals("وصلنا طلبك", saved.titleAr());
        assertEquals("Hello {name}, request {reference}.\nThanks", saved.textEn());
        assertEquals("هدى", saved.updatedBy());
        assertEquals(SampleDrafts.NOW, saved.updatedAt());
        assertEquals(List.of(saved), service.all());
    }

    @Test
    void save_refusesAnUnknownPlaceholder_andEveryMissingField_together() {
        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> service.save("r1", new SavedReplyService.Draft("", "Title", "نص {الاسم}", null), HUDA));

        assertEquals(
                List.of(
                        FieldError.of("titleAr", ErrorCode.REQUIRED),
                        FieldError.of("textAr", ErrorCode.UNKNOWN_PLACEHOLDER),
                        FieldError.of("textEn", ErrorCode.REQUIRED)),
                e.errors());
        assertEquals(List.of(), store.all());
    }

    @Test
    void save_refusesATooLongText_andAMalformedId() {
        InvalidInputException tooLong =
                assertThrows(InvalidInputException.class, () -> service.save("r1", draft("x".repeat(2001)), HUDA));
        assertEquals(List.of(FieldError.of("textEn", ErrorCode.TOO_LONG)), tooLong.errors());

        InvalidInputException badId =
                assertThrows(InvalidInputException.class, () -> service.save("../r1", draft("Hi"), HUDA));
        assertEquals(List.of(FieldError.of("id", ErrorCode.INVALID_CHOICE)), badId.errors());
    }

    @Test
    void save_refusesANewReplyBeyondTheLimit_butStillReplacesAnExistingOne() {
        for (int i = 0; i < SavedReplyService.MAX; i++) {
            service.save("r" + i, draft("Hi " + i), HUDA);
        }

        InvalidInputException full =
                assertThrows(InvalidInputException.class, () -> service.save("one-more", draft("Hi"), HUDA));
        assertEquals(List.of(FieldError.general(ErrorCode.TOO_MANY_SAVED_REPLIES)), full.errors());

        service.save("r0", draft("Changed"), HUDA);
        assertEquals(Optional.of("Changed"), store.find("r0").map(SavedReply::textEn));
    }

    @Test
    void delete_removesTheReply() {
        service.save("r1", draft("Hi"), HUDA);
        service.delete("r1");
        service.delete("r1");
        assertEquals(List.of(), service.all());
    }
}
