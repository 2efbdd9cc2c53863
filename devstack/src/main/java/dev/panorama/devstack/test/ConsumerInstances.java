package dev.panorama.devstack.test;

import org.apache.kafka.clients.admin.MemberDescription;

/**
 * Which instance of an application a consumer group's member belongs to. An application reading a channel through
 * several consumers (SmallRye's {@code concurrency} copies the channel as {@code <channel>$1}, {@code $2}...) names
 * their clients after the instance, so its members agree on the client id up to the copy's index; any other member is
 * an instance of its own.
 */
public final class ConsumerInstances {

    private ConsumerInstances() {
    }

    public static String of(MemberDescription member) {
        int copy = member.clientId().indexOf('$');
        return copy < 0 ? member.consumerId() : member.clientId().substring(0, copy);
    }
}
