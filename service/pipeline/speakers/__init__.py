"""Speakers step: source mentions, coreference of the article's people and organisations,
roles, and the resolver that gives each quote its canonical speaker."""
