"""Doc -> claims: what the article asserts (uses, doses, warning mentions), about which drug, in which context."""
