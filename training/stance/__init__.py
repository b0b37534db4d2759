"""Train, export and evaluate the stance cross-encoder; audit its data."""
