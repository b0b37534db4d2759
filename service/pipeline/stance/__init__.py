"""Stance step: the cross-encoder model and the choice of targets per quote."""
