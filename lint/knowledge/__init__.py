"""Everything druglint knows, loaded and validated from `rules/`: drug profiles, the condition lexicon, context cues, other drugs, house-rule packs."""
