"""Regional productivity forums: their pages, people and the editing rights of forum leads."""
