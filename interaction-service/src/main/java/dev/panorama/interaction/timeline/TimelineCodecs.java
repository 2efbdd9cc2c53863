package dev.panorama.interaction.timeline;

import org.bson.codecs.Codec;
import org.bson.codecs.configuration.CodecProvider;
import org.bson.codecs.configuration.CodecRegistry;

/** The views pages are decoded into; Quarkus adds every CodecProvider of the application to the client's registry. */
public class TimelineCodecs implements CodecProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> Codec<T> get(Class<T> type, CodecRegistry registry) {
        if (type == InteractionView.class) {
            return (Codec<T>) new InteractionViewDecoder();
        }
        if (type == CustomerInteractionView.class) {
            return (Codec<T>) new CustomerInteractionViewDecoder();
        }
        return null;
    }
}
