"""Reading articles and finding places, claims and events in their text (spaCy lives here)."""
