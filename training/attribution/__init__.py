"""Train, export and evaluate the attribution tagger."""
