package cn.gov.disclosure.workflow;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who caused what the engine is doing: the signed-in user, or "system" for timers and jobs. */
final class Actors {

    private Actors() {
    }

    static String current(IdentityService identity) {
        Authentication auth = identity.getCurrentAuthentication();
        return auth != null && auth.getUserId() != null ? auth.getUserId() : "system";
    }
}
