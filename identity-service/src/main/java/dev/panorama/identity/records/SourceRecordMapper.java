package dev.panorama.identity.records;

import dev.panorama.events.common.Identifier;
import dev.panorama.events.common.PersonName;
import dev.panorama.events.common.PostalAddress;
import dev.panorama.events.source.SourceRecord;
import dev.panorama.identity.normalisation.Dates;
import dev.panorama.kit.problem.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * From the REST shape to the event shape, reading the date of birth in any of the accepted forms; a record with nothing
 * to match on is refused.
 */
public final class SourceRecordMapper {

    private SourceRecordMapper() {
    }

    public static SourceRecord toSourceRecord(SourceRecordRequest request, Instant receivedAt) {
        SourceRecordRequest.Name name = request.name();
        SourceRecord record = new SourceRecord(request.sourceSystem().trim(), request.sourceId().trim(), receivedAt,
                name == null ? null : new PersonName(name.title(), name.given(), name.middle(), name.family(), name.full()),
                birthDate(request.dateOfBirth()),
                orEmpty(request.emails()), orEmpty(request.phones()),
                map(request.addresses(), a -> new PostalAddress(orEmpty(a.lines()), a.locality(), a.region(), a.postcode(),
                        a.country(), a.kind())),
                map(request.identifiers(), i -> new Identifier(i.type(), i.value(), i.issuer())));
        if (RecordContent.nothingToMatchOn(record)) {
            throw InvalidInputException.field(null, RecordContent.NOTHING_TO_MATCH_ON);
        }
        return record;
    }

    private static LocalDate birthDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Dates.parse(text).orElseThrow(() -> InvalidInputException.field("dateOfBirth",
                "not a plausible date of birth: use YYYY-MM-DD, YYYYMMDD, DD/MM/YYYY or D.M.YYYY, from 1850 on"));
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <A, B> List<B> map(List<A> list, Function<A, B> mapping) {
        return orEmpty(list).stream().map(mapping).toList();
    }
}
