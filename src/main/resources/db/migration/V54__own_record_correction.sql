-- Art. 41: a request to correct government information about the applicant, handled on its own route
-- (核实并更正信息). One row per case: who marked the request as such, and the verification's outcome —
-- corrected, transferred to the agency with the authority to correct, or refused with reasons.
CREATE TABLE own_record_correction (
    case_id            BIGINT        NOT NULL PRIMARY KEY REFERENCES application_case (id),
    marked_by          VARCHAR(100)  NOT NULL,
    marked_at          TIMESTAMP     NOT NULL,
    outcome            VARCHAR(20),
    verification_notes VARCHAR(2000),
    corrected_content  VARCHAR(2000),
    competent_agency   VARCHAR(200),
    refusal_reasons    VARCHAR(2000),
    decided_by         VARCHAR(100),
    decided_at         TIMESTAMP
);
