package sa.mustafeed.core.fakes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sa.mustafeed.core.documents.Document;
import sa.mustafeed.core.ports.CaseRepository;
import sa.mustafeed.core.ports.DocumentRecords;
import sa.mustafeed.core.reference.ReferenceCode;
import sa.mustafeed.core.staff.CaseEvent;

/** {@link DocumentRecords} in memory: records once per id, with the history entry added to the same request. */
public final class InMemoryDocumentRecords implements DocumentRecords {
    private final CaseRepository cases;
    private final Map<ReferenceCode, List<Document>> documents = new HashMap<>();

    public InMemoryDocumentRecords(CaseRepository cases) {
        this.cases = cases;
    }

    @Override
    public synchronized boolean record(ReferenceCode reference, Document document, CaseEvent entry) {
        if (find(reference, document.id()).isPresent()) {
            return false;
        }
        cases.addNote(reference, entry);
        documents.computeIfAbsent(reference, r -> new ArrayList<>()).add(document);
        return true;
    }

    @Override
    public synchronized List<Document> list(ReferenceCode reference) {
        return documents.getOrDefault(reference, List.of()).stream()
                .sorted(Comparator.comparing(Document::at))
                .toList();
    }

    @Override
    public synchronized Optional<Document> find(ReferenceCode reference, String documentId) {
        return documents.getOrDefault(reference, List.of()).stream()
                .filter(d -> d.id().equals(documentId))
                .findFirst();
    }
}
