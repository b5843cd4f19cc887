package cn.gov.disclosure.workflow;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who caused what the engine is doing: the signed-in user, or a fallback ("system" for timers and jobs). */
public final class Actors {

    private Actors() {
    }

    public static String current(IdentityService identity) {
        return current(identity, "system");
    }

    /** The signed-in user, or {@code fallback} when nobody is (e.g. "applicant" for the public pages). */
    public static String current(IdentityService identity, String fallback) {
        Authentication auth = identity.getCurrentAuthentication();
        return auth != null && auth.getUserId() != null ? auth.getUserId() : fallback;
    }
}
