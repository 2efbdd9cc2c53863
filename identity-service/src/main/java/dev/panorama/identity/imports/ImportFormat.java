package dev.panorama.identity.imports;

/** The file formats an import accepts, by the media type the upload declares. */
public enum ImportFormat {
    NDJSON("application/x-ndjson"),
    CSV("text/csv");

    private final String mediaType;

    ImportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format of a Content-Type header (parameters such as charset ignored); null when none fits. */
    public static ImportFormat of(String contentType) {
        if (contentType == null) {
            return null;
        }
        String type = contentType.split(";", 2)[0].trim();
        for (ImportFormat format : values()) {
            if (format.mediaType.equalsIgnoreCase(type)) {
                return format;
            }
        }
        return null;
    }
}
