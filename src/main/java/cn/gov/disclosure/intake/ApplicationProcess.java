package cn.gov.disclosure.intake;

import cn.gov.disclosure.casefile.ApplicationCase;

/**
 * Starts the handling of a registered case. Intake knows only this port; the process engine behind it lives
 * in {@code workflow/disclosure}. Called inside intake's transaction, so the case and its process commit
 * together or not at all.
 */
public interface ApplicationProcess {

    void start(ApplicationCase registered, String trackingCode);
}
