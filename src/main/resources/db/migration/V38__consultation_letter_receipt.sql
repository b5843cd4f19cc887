-- Arts. 32, 34: the 15 working days of a consultation run from the day the third party or agency received the
-- letter. Until someone confirms it (the clerk, the answer link, a delivery record) the day is presumed from the
-- way it was sent (disclosure.consultation.presumed-receipt-days.*); the source says which.
ALTER TABLE consultation ADD COLUMN letter_received_on DATE;
ALTER TABLE consultation ADD COLUMN receipt_source VARCHAR(30);
