-- Art. 35: when an applicant's reasons for very many requests are reasonable but the normal period cannot be
-- kept, the office sets a reasonable later deadline: working days added to the reply period.
ALTER TABLE application_case ADD COLUMN deferral_days INT DEFAULT 0 NOT NULL;
