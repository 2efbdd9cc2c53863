package dev.panorama.identity.training;

import dev.panorama.kit.problem.DomainException;

/** A training or activation the current state does not allow. */
final class TrainingRefused extends DomainException {

    private TrainingRefused(Kind kind, String type, String detail) {
        super(kind, type, detail);
    }

    static TrainingRefused inProgress() {
        return new TrainingRefused(Kind.CONFLICT, "training-in-progress", "Another training is running; try again when it ends.");
    }

    static TrainingRefused tooFewPairs(int pairs, int minimum) {
        return new TrainingRefused(Kind.UNPROCESSABLE, "too-little-data",
                "Only " + pairs + " candidate pairs were found; at least " + minimum + " are needed to estimate a model.");
    }

    static TrainingRefused implausible(int version) {
        return new TrainingRefused(Kind.UNPROCESSABLE, "implausible-model",
                "Model version " + version + " failed its plausibility check and cannot be activated; see its problems.");
    }

    static TrainingRefused unknown(int version) {
        return new TrainingRefused(Kind.NOT_FOUND, "unknown-model-version", "There is no model version " + version + ".");
    }
}
