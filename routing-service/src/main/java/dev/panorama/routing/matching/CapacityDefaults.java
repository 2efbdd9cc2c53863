package dev.panorama.routing.matching;

import dev.panorama.events.channel.Channel;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many tasks of each channel an agent holds at once when nothing else is configured: one call or video, three
 * chats or messages, five emails or letters.
 */
public final class CapacityDefaults {

    private CapacityDefaults() {
    }

    public static Map<Channel, Integer> standard() {
        Map<Channel, Integer> capacity = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            capacity.put(channel, switch (channel) {
                case PHONE, VIDEO, IN_PERSON -> 1;
                case CHAT, SMS, SOCIAL, WEB -> 3;
                case EMAIL, LETTER, FAX -> 5;
                case OTHER -> 1;
            });
        }
        return capacity;
    }
}
