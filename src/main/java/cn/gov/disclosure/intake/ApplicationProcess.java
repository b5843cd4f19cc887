package cn.gov.disclosure.intake;

import cn.gov.disclosure.casefile.ApplicationCase;

/**
 * Starts the handling of a registered case. Intake knows only this port; the process engine behind it lives
 * in {@code workflow/disclosure}. Called inside intake's transaction, so the case and its process commit
 * together or not at all.
 */
public interface ApplicationProcess {

    /** The tracking code is not handed over: it reaches the acknowledgment sealed, never through the engine. */
    void start(ApplicationCase registered);
}
