"""The quote pipeline (pipeline.py runs the steps in order): attribution -> speakers ->
quote types -> stance."""

from service.pipeline.pipeline import Pipeline

__all__ = ["Pipeline"]
