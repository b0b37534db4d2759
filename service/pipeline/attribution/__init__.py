"""Attribution step: token windows -> BIO tags -> source / cue / content spans -> linked
attributions."""
