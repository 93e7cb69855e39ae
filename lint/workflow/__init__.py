"""Around the engine: finding and decoding files, configuration, baselines, inline suppressions, running many files in parallel."""
