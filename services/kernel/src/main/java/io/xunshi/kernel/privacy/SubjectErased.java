package io.xunshi.kernel.privacy;

/** Personal data cannot be sealed for a subject whose key was erased. */
public class SubjectErased extends RuntimeException {

    public SubjectErased(String subjectId) {
        super("personal data of subject " + subjectId + " was erased; nothing more can be recorded for it");
    }
}
