package dev.panorama.routing.store;

/** What a transaction read changed before it could lock it: {@link Transactions} runs the transaction again. */
public class RunAgain extends RuntimeException {

    public RunAgain(String why) {
        super(why, null, false, false);
    }
}
