"""The pipeline from article files to the event store, and the table the dashboard reads."""
