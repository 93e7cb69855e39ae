"""Understanding the article: a blank English spaCy pipeline with druglint's own components."""
