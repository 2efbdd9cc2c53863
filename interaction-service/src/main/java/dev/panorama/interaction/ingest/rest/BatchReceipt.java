package dev.panorama.interaction.ingest.rest;

import java.util.List;

/** One receipt per contact of a batch, in the order sent. */
public record BatchReceipt(int created, int duplicates, List<IngestReceipt> items) {
}
