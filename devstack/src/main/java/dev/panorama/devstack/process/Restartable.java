package dev.panorama.devstack.process;

/** A server that fault tests may crash and bring back on the same port with the same data. */
public interface Restartable {

    /** Kills the server as a crash would (SIGKILL to it and everything it started) and waits until it is gone. */
    void kill();

    /** Starts it again on the same port with the same data and waits until it answers. */
    void restart();
}
