"""The data every stage shares and none of them computes: the article (Document), findings and severities, units. No spaCy here."""
