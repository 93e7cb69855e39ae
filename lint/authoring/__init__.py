"""Tools for the people who write the knowledge: the openFDA importer, profile self-tests and checks, pack tests."""
