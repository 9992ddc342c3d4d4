// Deliberately empty: the import-cost baseline.
