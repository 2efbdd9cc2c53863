package dev.panorama.identity.merge;

/** What a change to the identity graph did. */
public enum ChangeKind {
    MERGE, SPLIT, MERGE_UNDONE, SPLIT_UNDONE;

    /**
     * Whether the change is a steward's word that the customers it leaves are different people: they stay apart from
     * automatic merges from then on.
     */
    public boolean setsApart() {
        return this == SPLIT || this == MERGE_UNDONE;
    }
}
