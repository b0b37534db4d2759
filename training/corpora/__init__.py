"""Readers of the training and evaluation corpora (PolNeAR, VAST)."""
