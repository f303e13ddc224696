-- Schema version 9: the content version a central campaign is called with (issue 14.1, content v1).
-- content_version: the central office's version number (NULL: a local campaign, or none received yet);
-- content_author: 'central' or 'lead' (the organisation's call lead adapted script and questions).

ALTER TABLE campaigns ADD COLUMN content_version INTEGER;
ALTER TABLE campaigns ADD COLUMN content_author TEXT;

-- Record v1: the central office's deletion rules for a central campaign (days), for its Art. 30 record.
ALTER TABLE campaign_lead ADD COLUMN central_free_text_days INTEGER;
ALTER TABLE campaign_lead ADD COLUMN central_contact_days INTEGER;
