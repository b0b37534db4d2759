"""`quotes-batch`: POST /v1/quotes over a whole file of documents, on Ray Data (issue 16).

Needs the `batch` extra (ray[data], pyarrow, tqdm); the service itself never imports it."""
