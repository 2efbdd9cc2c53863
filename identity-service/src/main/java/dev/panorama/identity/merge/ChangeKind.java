package dev.panorama.identity.merge;

/** What a change to the identity graph did. */
public enum ChangeKind {
    MERGE, SPLIT, MERGE_UNDONE, SPLIT_UNDONE
}
