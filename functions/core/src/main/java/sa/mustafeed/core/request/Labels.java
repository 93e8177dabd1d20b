package sa.mustafeed.core.request;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.notification.Delivery;
import sa.mustafeed.core.notification.DeliveryProviders;
import sa.mustafeed.core.notification.DeliveryState;
import sa.mustafeed.core.notification.MessageKind;
import sa.mustafeed.core.staff.AuditAction;
import sa.mustafeed.core.staff.RequestsCsv;
import sa.mustafeed.core.staff.ServiceTally;
import sa.mustafeed.core.staff.SurveysCsv;

/**
 * The names the API and the site both show, in both languages: categories, channels, statuses,
 * contact methods, the report's time buckets, the error messages, and what staff read of message
 * delivery (states, providers, what a message was for). They are written once, in
 * {@code functions/messages/labels/ar.properties} and {@code en.properties} (on the class path as
 * {@code messages/labels/}), and the static site's build reads the same two files, so a word changed
 * there changes on the pages, in the API's answers and in the messages alike.
 *
 * <p>The table is read once per JVM, on the first label asked for (a holder class, so a function
 * that never shows a name never reads it). Reading both files costs about 1.5 ms of CPU in a JVM
 * that has loaded its classes, 6–7 ms in a fresh one (JDK 25, interpreted, measured on the 2-core
 * development machine with the thread's CPU time).
 *
 * <p>Reading refuses, naming the keys, a table that would show a blank: a key in one language and
 * not the other, an empty text, or a name Java shows that neither file has. LabelsTest reads the
 * shipped files the same way, so a missing translation fails the build and never reaches a page.
 */
public final class Labels {
    /** Where the two files are on the class path (core's pom copies them from functions/messages/labels/). */
    static final String DIRECTORY = "messages/labels/";

    static final String BUCKET_PREFIX = "bucket.";

    private final Map<String, LocalizedText> byKey;

    /** Takes {@code byKey} as it is: {@link #load} built it and keeps no other reference to it. */
    private Labels(Map<String, LocalizedText> byKey) {
        this.byKey = byKey;
    }

    /** The table shipped in the jar, read on first use and kept for the life of the JVM. */
    public static Labels shipped() {
        return Shipped.TABLE;
    }

    /** The label under {@code key}; every key Java asks for was checked present when the table was read. */
    public LocalizedText get(String key) {
        LocalizedText text = byKey.get(key);
        if (text == null) {
            throw new IllegalArgumentException("no label " + key + " in " + DIRECTORY);
        }
        return text;
    }

    /** The label under {@code key}, for the optional ones (a status's staff wording where it differs). */
    public Optional<LocalizedText> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** The label of a completion-time bucket by the code the report's API gives it ({@code <1h}, {@code 16-24h}, …). */
    public LocalizedText bucket(String code) {
        return get(BUCKET_PREFIX + code);
    }

    Set<String> keys() {
        return Collections.unmodifiableSet(byKey.keySet());
    }

    /**
     * Every key Java shows, so a table without one is refused when it is read rather than
     * answering a blank. Each enum names its own key; this only lists them.
     */
    static List<String> keysJavaShows() {
        List<String> keys = new ArrayList<>();
        for (Category category : Category.values()) {
            keys.add(category.labelKey());
        }
        for (Channel channel : Channel.values()) {
            keys.add(channel.labelKey());
        }
        for (Status status : Status.values()) {
            keys.add(status.labelKey());
        }
        for (ContactMethod method : ContactMethod.values()) {
            keys.add(method.labelKey());
        }
        for (ErrorCode code : ErrorCode.values()) {
            keys.add(code.messageKey());
        }
        for (Delivery channel : Delivery.values()) {
            keys.add(channel.labelKey());
        }
        for (DeliveryState state : DeliveryState.values()) {
            keys.add(state.labelKey());
        }
        for (MessageKind kind : MessageKind.values()) {
            keys.add(kind.purposeLabelKey());
        }
        for (String provider : DeliveryProviders.KNOWN) {
            keys.add(DeliveryProviders.labelKey(provider));
        }
        for (String bucket : ServiceTally.bucketCodes()) {
            keys.add(BUCKET_PREFIX + bucket);
        }
        keys.addAll(RequestsCsv.labelKeys());
        keys.addAll(SurveysCsv.labelKeys());
        for (AuditAction action : AuditAction.values()) {
            keys.add(action.labelKey());
        }
        for (sa.mustafeed.core.recovery.FollowUpReason reason : sa.mustafeed.core.recovery.FollowUpReason.values()) {
            keys.add(reason.labelKey());
        }
        for (sa.mustafeed.core.recovery.FollowUpOutcome outcome : sa.mustafeed.core.recovery.FollowUpOutcome.values()) {
            keys.add(outcome.labelKey());
        }
        // Complaints handled as complaints: the outcome's words, the rating's, and the reply wording.
        for (sa.mustafeed.core.complaints.OutcomeResult result : sa.mustafeed.core.complaints.OutcomeResult.values()) {
            keys.add(result.labelKey());
        }
        for (sa.mustafeed.core.complaints.HandlingAnswer answer :
                sa.mustafeed.core.complaints.HandlingAnswer.values()) {
            keys.add(answer.labelKey());
        }
        keys.add("complaint.outcome.reply");
        return keys;
    }

    /**
     * Reads {@code <directory>ar.properties} and {@code <directory>en.properties} (UTF-8) and refuses,
     * naming every offending key, a table where the two files' keys differ, a text is empty, or one of
     * {@code required} is missing.
     */
    static Labels load(ClassLoader loader, String directory, Collection<String> required) {
        Properties ar = read(loader, directory + "ar.properties");
        Properties en = read(loader, directory + "en.properties");
        // One pass per file and no sorting unless something is wrong: this runs in a function's cold start.
        Map<String, LocalizedText> byKey = new HashMap<>(ar.size() * 2);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Object, Object> line : ar.entrySet()) {
            String key = (String) line.getKey();
            String arabic = (String) line.getValue();
            String english = en.getProperty(key);
            if (english == null) {
                problems.add(key + " is in ar.properties but not in en.properties");
                continue;
            }
            if (arabic.isBlank()) {
                problems.add(key + " is empty in ar.properties");
            }
            if (english.isBlank()) {
                problems.add(key + " is empty in en.properties");
            }
            byKey.put(key, new LocalizedText(arabic, english));
        }
        for (Object key : en.keySet()) {
            if (!ar.containsKey(key)) {
                problems.add(key + " is in en.properties but not in ar.properties");
            }
        }
        for (String key : required) {
            if (!ar.containsKey(key) && !en.containsKey(key)) {
                problems.add(key + " is shown by the API but is in neither ar.properties nor en.properties");
            }
        }
        if (!problems.isEmpty()) {
            Collections.sort(problems);
            throw new IllegalStateException("labels in " + directory + " refused: " + String.join("; ", problems));
        }
        return new Labels(byKey);
    }

    private static Properties read(ClassLoader loader, String path) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("labels file missing from the class path: " + path);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // An editor on Windows may save a byte-order mark; it would otherwise become part of the first key.
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            Properties properties = new Properties();
            properties.load(new StringReader(text));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("labels file unreadable: " + path, e);
        }
    }

    /** Initialised by the JVM on the first {@link #shipped()} call only, and exactly once (JLS 12.4.2). */
    private static final class Shipped {
        static final Labels TABLE = load(Labels.class.getClassLoader(), DIRECTORY, keysJavaShows());
    }
}
