"""Evaluate the speakers step (seeds, the PolNeAR dev speaker gold, the failure cases) and
train the coreference model it uses."""
